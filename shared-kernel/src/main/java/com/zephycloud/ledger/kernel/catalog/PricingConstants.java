package com.zephycloud.ledger.kernel.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;

import java.math.BigDecimal;

/**
 * The constants of pricing (the API's {@code reports/pricing_constants}), plus the storage price:
 * zephycoins per active mesh or calculation per day.
 */
public record PricingConstants(String defaultCostCurrency,
                               int defaultCostSecGranularity,
                               int defaultCostMinSecGranularity,
                               String defaultCurrency,
                               int defaultPriceSecGranularity,
                               int defaultPriceMinSecGranularity,
                               BigDecimal openfoamDonations,
                               BigDecimal securityMargin,
                               BigDecimal zephycoinPrice,
                               RankMargins margins,
                               Zephycoins storagePricePerDay) {
}
