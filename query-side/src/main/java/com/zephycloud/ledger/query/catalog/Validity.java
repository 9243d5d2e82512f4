package com.zephycloud.ledger.query.catalog;

import java.math.BigDecimal;

/** The half-open validity range [valid_from_us, valid_to_us) of catalog versions, in SQL and in the API. */
final class Validity {

    private Validity() {
    }

    /** SQL: the version of alias {@code t} is valid at the named parameter {@code :at}. */
    static String validAt(String t) {
        return " " + t + ".valid_from_us <= :at AND (" + t + ".valid_to_us IS NULL OR " + t + ".valid_to_us > :at)";
    }

    /** Epoch microseconds as epoch seconds, exactly (decimals only when the instant is not a whole second). */
    static BigDecimal seconds(Long micros) {
        return micros == null ? null : BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    }
}
