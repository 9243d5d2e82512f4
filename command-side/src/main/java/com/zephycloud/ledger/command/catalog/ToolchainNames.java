package com.zephycloud.ledger.command.catalog;

/**
 * Port: toolchain names in use. Unique names are a rule over all toolchains, enforced by a
 * table with a unique key written in the transaction of {@code ToolchainCreated}. A removed
 * toolchain keeps its name, so that past computations keep an unambiguous name.
 */
public interface ToolchainNames {

    /** @throws IllegalStateException when the name is taken */
    void claim(long toolchainId, String name);
}
