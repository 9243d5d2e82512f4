package com.zephycloud.ledger.query.catalog;

import java.time.Instant;

/** The rates to euro of every currency, valid at {@code at} (the euro is 1). */
public record FindExchangeRates(Instant at) {
}
