package com.zephycloud.ledger.query.catalog;

import java.time.Instant;

/** One machine as it was at {@code at}; empty when it was not offered then. */
public record FindMachine(String provider, String machine, Instant at) {
}
