package com.zephycloud.ledger.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of zephycoins, signed. The one place where the money rule lives: every amount has
 * {@value #SCALE} decimals, and any arithmetic that produces more is rounded half-even
 * (banker's rounding, neutral between user and platform over many charges).
 * Equality is by value: 1.5 and 1.50000000 are the same amount.
 */
public record Zephycoins(BigDecimal value) implements Comparable<Zephycoins> {

    public static final int SCALE = 8;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    public static final Zephycoins ZERO = new Zephycoins(BigDecimal.ZERO);

    public Zephycoins {
        Objects.requireNonNull(value, "value");
        value = value.setScale(SCALE, ROUNDING);
    }

    @JsonCreator
    public static Zephycoins of(BigDecimal value) {
        return new Zephycoins(value);
    }

    public static Zephycoins of(String value) {
        return new Zephycoins(new BigDecimal(value));
    }

    /** Rounds {@code value} with the money rule; use for every computed price. */
    public static Zephycoins rounded(BigDecimal value) {
        return new Zephycoins(value);
    }

    /** The number as JSON shows it: exact, without trailing zeros. */
    @JsonValue
    public BigDecimal json() {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    public Zephycoins plus(Zephycoins other) {
        return new Zephycoins(value.add(other.value));
    }

    public Zephycoins minus(Zephycoins other) {
        return new Zephycoins(value.subtract(other.value));
    }

    public Zephycoins negate() {
        return new Zephycoins(value.negate());
    }

    public Zephycoins times(BigDecimal factor) {
        return new Zephycoins(value.multiply(factor));
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    public boolean isLessThan(Zephycoins other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Zephycoins other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return json().toPlainString();
    }
}
