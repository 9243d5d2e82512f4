package com.zephycloud.ledger.kernel.catalog;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.Zephycoins;

import java.util.EnumMap;
import java.util.Map;

/** A machine's price per hour for each rank, in zephycoins (the API's {@code prices} object). */
public record RankPrices(Zephycoins root, Zephycoins gold, Zephycoins silver, Zephycoins bronze) {

    public static RankPrices of(Map<Rank, Zephycoins> byRank) {
        return new RankPrices(byRank.get(Rank.ROOT), byRank.get(Rank.GOLD), byRank.get(Rank.SILVER),
                byRank.get(Rank.BRONZE));
    }

    public Zephycoins of(Rank rank) {
        return switch (rank) {
            case ROOT -> root;
            case GOLD -> gold;
            case SILVER -> silver;
            case BRONZE -> bronze;
        };
    }

    public Map<Rank, Zephycoins> asMap() {
        Map<Rank, Zephycoins> map = new EnumMap<>(Rank.class);
        for (Rank rank : Rank.values()) {
            map.put(rank, of(rank));
        }
        return map;
    }
}
