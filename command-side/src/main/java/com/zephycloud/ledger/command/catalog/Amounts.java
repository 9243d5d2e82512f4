package com.zephycloud.ledger.command.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Catalog numbers that are not zephycoins (costs, rates, margins) keep {@value #SCALE} decimals,
 * like money, so that equal values are equal records whatever their written form.
 */
public final class Amounts {

    public static final int SCALE = 8;

    private Amounts() {
    }

    public static BigDecimal exact(BigDecimal value, String parameter) {
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException(parameter + ": has more than " + SCALE + " decimals");
        }
        return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal atLeastZero(BigDecimal value, String parameter) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException(parameter + ": must be zero or more, got " + value.toPlainString());
        }
        return exact(value, parameter);
    }

    public static BigDecimal positive(BigDecimal value, String parameter) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(parameter + ": must be more than zero, got " + value.toPlainString());
        }
        return exact(value, parameter);
    }
}
