package com.zephycloud.ledger.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A user's rank: it selects the price list a user pays. */
public enum Rank {
    ROOT, GOLD, SILVER, BRONZE;

    public static final String ALLOWED = Arrays.stream(values()).map(Rank::json).collect(Collectors.joining(", "));

    @JsonCreator
    public static Rank parse(String text) {
        for (Rank rank : values()) {
            if (rank.json().equals(text)) {
                return rank;
            }
        }
        throw new IllegalArgumentException("unknown rank '" + text + "', expected one of: " + ALLOWED);
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
