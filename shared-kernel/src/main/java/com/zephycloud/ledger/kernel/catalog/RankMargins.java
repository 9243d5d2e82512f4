package com.zephycloud.ledger.kernel.catalog;

import com.zephycloud.ledger.kernel.Rank;

import java.math.BigDecimal;

/** The pricing margin (a factor on the cost) for each rank (the API's {@code margins} object). */
public record RankMargins(BigDecimal root, BigDecimal gold, BigDecimal silver, BigDecimal bronze) {

    public BigDecimal of(Rank rank) {
        return switch (rank) {
            case ROOT -> root;
            case GOLD -> gold;
            case SILVER -> silver;
            case BRONZE -> bronze;
        };
    }
}
