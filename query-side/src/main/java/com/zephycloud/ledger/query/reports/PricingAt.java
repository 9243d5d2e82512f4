package com.zephycloud.ledger.query.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * The pricing constants valid at one instant, as far as the benefits report needs them: the
 * price of one zephycoin in {@code defaultCurrency}, the rates {@code currencyToEuro}
 * (reference: "pricing constants") and the share of computation revenue given to the OpenFOAM
 * foundation. Conversions keep 34 significant digits; rounding happens once, on the report.
 */
public record PricingAt(BigDecimal zephycoinPrice,
                        String defaultCurrency,
                        Map<String, BigDecimal> currencyToEuro,
                        BigDecimal openfoamDonations) {

    public static final MathContext PRECISION = MathContext.DECIMAL128;

    public PricingAt {
        currencyToEuro = Map.copyOf(currencyToEuro);
        rate(defaultCurrency, currencyToEuro);
    }

    /** {@code amount} of {@code from} in {@code to}: through the euro, at this instant's rates. */
    public BigDecimal convert(BigDecimal amount, String from, String to) {
        if (from.equals(to)) {
            return amount;
        }
        return amount.multiply(rate(from, currencyToEuro), PRECISION).divide(rate(to, currencyToEuro), PRECISION);
    }

    /** What {@code zephycoins} are worth in {@code currency} at this instant. */
    public BigDecimal valueOf(BigDecimal zephycoins, String currency) {
        return convert(zephycoins.multiply(zephycoinPrice, PRECISION), defaultCurrency, currency);
    }

    private static BigDecimal rate(String currency, Map<String, BigDecimal> rates) {
        BigDecimal rate = rates.get(currency);
        if (rate == null || rate.signum() <= 0) {
            throw new IllegalArgumentException("no positive rate to euro for currency '" + currency + "'; known: "
                    + rates.keySet());
        }
        return rate;
    }
}
