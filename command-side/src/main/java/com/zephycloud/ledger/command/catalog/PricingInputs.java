package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.catalog.PricingConstants;

import java.math.BigDecimal;
import java.util.Map;

/** What automatic prices depend on besides the machine: the constants and the rates to euro. */
public record PricingInputs(PricingConstants constants, Map<String, BigDecimal> ratesToEuro) {

    public static final String EURO = "euro";

    public PricingInputs {
        ratesToEuro = Map.copyOf(ratesToEuro);
    }

    /** Euros per unit of {@code currency}; the euro is 1 by definition. */
    public BigDecimal rateToEuro(String currency) {
        if (EURO.equals(currency)) {
            return BigDecimal.ONE;
        }
        BigDecimal rate = ratesToEuro.get(currency);
        if (rate == null) {
            throw new IllegalStateException("no exchange rate for currency '" + currency
                    + "': set it with currencies/set before pricing machines that cost in it");
        }
        return rate;
    }
}
