package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;

/** A toolchain version; {@code toolchainId} is the integer id computations refer to. */
public record ToolchainView(long toolchainId, String name, Zephycoins fixedPrice, int machineLimit) {
}
