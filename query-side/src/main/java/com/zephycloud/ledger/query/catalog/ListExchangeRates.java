package com.zephycloud.ledger.query.catalog;

import java.time.Instant;

/** The exchange rate versions valid at {@code at}. */
public record ListExchangeRates(Instant at) {
}
