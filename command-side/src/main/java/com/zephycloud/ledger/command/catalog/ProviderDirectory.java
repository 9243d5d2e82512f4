package com.zephycloud.ledger.command.catalog;

/** Port: the providers that exist, read from a register written with their events. */
public interface ProviderDirectory {

    boolean exists(String provider);
}
