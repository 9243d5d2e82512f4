package com.zephycloud.ledger.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a consumption paid for; reports and the benefits computation group by it. */
public enum ChargeCategory {
    /** A consumption entered by an admin through {@code user/consume}. */
    MANUAL,
    /** The fixed price of a toolchain, charged when a computation is submitted. */
    FIXED_PRICE,
    /** One time slice of a computation. */
    COMPUTATION,
    /** One period of storage. */
    STORAGE;

    @JsonCreator
    public static ChargeCategory parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
