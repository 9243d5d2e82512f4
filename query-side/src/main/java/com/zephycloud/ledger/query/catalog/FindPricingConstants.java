package com.zephycloud.ledger.query.catalog;

import java.time.Instant;

/** The pricing constants valid at {@code at}, with the exchange rates valid then. */
public record FindPricingConstants(Instant at) {
}
