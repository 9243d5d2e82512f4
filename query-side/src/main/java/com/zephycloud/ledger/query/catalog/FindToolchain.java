package com.zephycloud.ledger.query.catalog;

import java.time.Instant;

/** One toolchain by name as it was at {@code at}. */
public record FindToolchain(String name, Instant at) {
}
