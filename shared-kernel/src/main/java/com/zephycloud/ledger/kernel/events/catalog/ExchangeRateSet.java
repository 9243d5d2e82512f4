package com.zephycloud.ledger.kernel.events.catalog;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/** From {@code effectiveAt} on, one unit of {@code currency} is worth {@code rateToEuro} euros. */
@Revision("1")
public record ExchangeRateSet(String currency, BigDecimal rateToEuro, Instant effectiveAt) {
}
