package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.catalog.RankPrices;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** Reads the API's {@code prices} object: rank name to zephycoins per hour, each zero or more. */
public final class PriceList {

    private PriceList() {
    }

    public static Map<Rank, Zephycoins> parse(Map<String, BigDecimal> prices) {
        Map<Rank, Zephycoins> parsed = new EnumMap<>(Rank.class);
        for (Map.Entry<String, BigDecimal> entry : prices.entrySet()) {
            Rank rank;
            try {
                rank = Rank.parse(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prices: " + e.getMessage());
            }
            BigDecimal value = entry.getValue();
            if (value == null || value.signum() < 0) {
                throw new IllegalArgumentException("prices: the price of rank " + entry.getKey()
                        + " must be zero or more zephycoins per hour, got " + value);
            }
            if (value.stripTrailingZeros().scale() > Zephycoins.SCALE) {
                throw new IllegalArgumentException("prices: the price of rank " + entry.getKey() + " has more than "
                        + Zephycoins.SCALE + " decimals");
            }
            parsed.put(rank, Zephycoins.of(value));
        }
        return parsed;
    }

    /** A complete price list: every rank must have a price. */
    public static RankPrices complete(Map<String, BigDecimal> prices) {
        Map<Rank, Zephycoins> parsed = parse(prices);
        if (parsed.size() != Rank.values().length) {
            throw new IllegalArgumentException("prices: give a price for every rank (" + Rank.ALLOWED + ")");
        }
        return RankPrices.of(parsed);
    }

    /** {@code base} with the ranks given in {@code prices} replaced. */
    public static RankPrices merge(RankPrices base, Map<String, BigDecimal> prices) {
        Map<Rank, Zephycoins> merged = new EnumMap<>(base.asMap());
        merged.putAll(parse(prices));
        return RankPrices.of(merged);
    }
}
