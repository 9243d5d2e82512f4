package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.kernel.catalog.RankPrices;

import java.math.BigDecimal;

/** One version of a machine: valid from {@code validFrom} (UTC epoch seconds, with microseconds as decimals) until {@code validTo} (null: no end known). */
public record MachineVersionView(BigDecimal validFrom, BigDecimal validTo, RankPrices prices, BigDecimal costPerHour, String costCurrency, boolean autoUpdate) {
}
