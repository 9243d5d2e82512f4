package com.zephycloud.ledger.command.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** Sets how many euros one unit of {@code currency} is worth, from {@code effectiveDate} (null: now). */
public record SetExchangeRate(String currency, BigDecimal rateToEuro, Instant requestedAt, Instant effectiveDate) {
}
