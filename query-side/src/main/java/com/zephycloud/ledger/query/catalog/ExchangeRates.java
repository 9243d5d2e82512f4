package com.zephycloud.ledger.query.catalog;

import java.math.BigDecimal;
import java.util.Map;

/** Euros per unit of each currency. */
public record ExchangeRates(Map<String, BigDecimal> currencyToEuro) {
}
