package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.Zephycoins;

import java.util.Objects;

/** One limit of a {@link SetAccountLimits}: left as it is, cleared, or set to {@code value}. */
public record LimitSetting(boolean unchanged, Zephycoins value) {

    public static final LimitSetting UNCHANGED = new LimitSetting(true, null);
    public static final LimitSetting CLEARED = new LimitSetting(false, null);

    public static LimitSetting to(Zephycoins value) {
        return new LimitSetting(false, Objects.requireNonNull(value, "value"));
    }

    /** The limit once this setting is applied to {@code current} (null: no limit). */
    public Zephycoins applyTo(Zephycoins current) {
        return unchanged ? current : value;
    }
}
