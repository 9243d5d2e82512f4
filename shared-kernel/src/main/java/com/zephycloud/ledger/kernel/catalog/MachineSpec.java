package com.zephycloud.ledger.kernel.catalog;

import java.math.BigDecimal;

/**
 * Everything the catalog says about one machine during one validity range. Units as in the
 * admin API: RAM in bytes, prices in zephycoins per hour, granularities in seconds, cost per
 * hour in {@code costCurrency}.
 */
public record MachineSpec(int cores,
                          long ram,
                          int availability,
                          RankPrices prices,
                          int priceSecGranularity,
                          int priceMinSecGranularity,
                          BigDecimal costPerHour,
                          String costCurrency,
                          int costSecGranularity,
                          int costMinSecGranularity,
                          boolean autoUpdate) {

    public MachineSpec withPrices(RankPrices newPrices) {
        return new MachineSpec(cores, ram, availability, newPrices, priceSecGranularity, priceMinSecGranularity,
                costPerHour, costCurrency, costSecGranularity, costMinSecGranularity, autoUpdate);
    }
}
