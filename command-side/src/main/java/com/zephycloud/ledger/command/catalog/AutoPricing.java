package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.catalog.PricingConstants;
import com.zephycloud.ledger.kernel.catalog.RankPrices;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The automatic price formula, per rank r (docs/catalog.md, "Automatic pricing"):
 * <pre>
 * price_r = cost_per_hour × rate(cost_currency → euro) / rate(default_currency → euro)
 *           / zephycoin_price × margin_r × (1 + security_margin)
 * </pre>
 * computed exactly and rounded once, with the money rule, to zephycoins.
 */
public final class AutoPricing {

    private AutoPricing() {
    }

    public static RankPrices prices(BigDecimal costPerHour, String costCurrency, PricingInputs inputs) {
        PricingConstants constants = inputs.constants();
        BigDecimal costInEuro = costPerHour.multiply(inputs.rateToEuro(costCurrency));
        BigDecimal coinInEuro = constants.zephycoinPrice().multiply(inputs.rateToEuro(constants.defaultCurrency()));
        BigDecimal withSecurity = costInEuro.multiply(BigDecimal.ONE.add(constants.securityMargin()));
        Map<Rank, Zephycoins> prices = new EnumMap<>(Rank.class);
        for (Rank rank : Rank.values()) {
            BigDecimal exact = withSecurity.multiply(constants.margins().of(rank));
            prices.put(rank, Zephycoins.rounded(exact.divide(coinInEuro, Zephycoins.SCALE, Zephycoins.ROUNDING)));
        }
        return RankPrices.of(prices);
    }
}
