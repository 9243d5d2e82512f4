package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.kernel.catalog.RankPrices;

import java.math.BigDecimal;

/** One machine version, with the admin API's fields and units. */
public record MachineView(String name, int cores, long ram, int availability, RankPrices prices, int priceSecGranularity, int priceMinSecGranularity, BigDecimal costPerHour, String costCurrency, int costSecGranularity, int costMinSecGranularity, boolean autoUpdate) {
}
