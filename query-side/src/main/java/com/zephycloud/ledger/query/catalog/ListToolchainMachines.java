package com.zephycloud.ledger.query.catalog;

import java.time.Instant;

/** The machines a toolchain allows at {@code at}, per provider; {@code provider} null: all providers. */
public record ListToolchainMachines(String toolchain, String provider, Instant at) {
}
