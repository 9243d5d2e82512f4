package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.catalog.RankPrices;

import java.math.BigDecimal;

/** The catalog's terms for running toolchain {@code toolchainId} on one machine, as valid at the asked instant. {@code machineAllowed} false: the toolchain does not allow this machine. */
public record MachineOffer(long toolchainId, String toolchain, Zephycoins fixedPrice, int machineLimit, boolean machineAllowed, String provider, String machine, int cores, RankPrices prices, int priceSecGranularity, int priceMinSecGranularity, BigDecimal costPerHour, String costCurrency, int costSecGranularity, int costMinSecGranularity) {
}
