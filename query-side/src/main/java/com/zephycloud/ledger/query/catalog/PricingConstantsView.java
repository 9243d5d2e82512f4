package com.zephycloud.ledger.query.catalog;

import java.math.BigDecimal;
import java.util.Map;

/** The admin API's pricing constants, plus {@code storagePricePerDay} (zephycoins per active mesh or calculation per day). */
public record PricingConstantsView(String defaultCostCurrency, int defaultCostSecGranularity, int defaultCostMinSecGranularity, String defaultCurrency, int defaultPriceSecGranularity, int defaultPriceMinSecGranularity, BigDecimal openfoamDonations, BigDecimal securityMargin, BigDecimal zephycoinPrice, Map<String, BigDecimal> margins, Map<String, BigDecimal> currencyToEuro, BigDecimal storagePricePerDay) {
}
