package com.zephycloud.ledger.query.catalog;

import java.math.BigDecimal;

/** One currency's rate valid at the asked date, and since when (UTC epoch seconds). */
public record ExchangeRateView(String currency, BigDecimal rateToEuro, BigDecimal validFrom, BigDecimal validTo) {
}
