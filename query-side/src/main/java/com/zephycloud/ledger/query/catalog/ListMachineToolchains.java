package com.zephycloud.ledger.query.catalog;

import java.time.Instant;

/** The names of the toolchains that allow a machine at {@code at}. */
public record ListMachineToolchains(String provider, String machine, Instant at) {
}
