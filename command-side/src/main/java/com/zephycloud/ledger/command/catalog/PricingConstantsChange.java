package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.catalog.PricingConstants;
import com.zephycloud.ledger.kernel.catalog.RankMargins;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The pricing constants an admin gives; null keeps the current value. The first change must
 * give them all. {@code margins} may name only some ranks once all are set.
 */
public record PricingConstantsChange(String defaultCostCurrency,
                                     Integer defaultCostSecGranularity,
                                     Integer defaultCostMinSecGranularity,
                                     String defaultCurrency,
                                     Integer defaultPriceSecGranularity,
                                     Integer defaultPriceMinSecGranularity,
                                     BigDecimal openfoamDonations,
                                     BigDecimal securityMargin,
                                     BigDecimal zephycoinPrice,
                                     Map<String, BigDecimal> margins,
                                     Zephycoins storagePricePerDay) {

    public boolean isEmpty() {
        return Stream.of(defaultCostCurrency, defaultCostSecGranularity, defaultCostMinSecGranularity, defaultCurrency,
                defaultPriceSecGranularity, defaultPriceMinSecGranularity, openfoamDonations, securityMargin,
                zephycoinPrice, margins, storagePricePerDay).allMatch(Objects::isNull);
    }

    /** The whole set after this change over {@code current} (null when none was set yet). */
    public PricingConstants applyTo(PricingConstants current) {
        if (current == null) {
            requireAll();
        }
        Map<Rank, BigDecimal> rankMargins = new EnumMap<>(Rank.class);
        if (current != null) {
            for (Rank rank : Rank.values()) {
                rankMargins.put(rank, current.margins().of(rank));
            }
        }
        if (margins != null) {
            margins.forEach((rank, margin) -> rankMargins.put(parseRank(rank), Amounts.positive(margin, "margins." + rank)));
        }
        if (rankMargins.size() != Rank.values().length) {
            throw new IllegalArgumentException("margins: give a margin for every rank (" + Rank.ALLOWED + ")");
        }
        PricingConstants next = new PricingConstants(
                currency(defaultCostCurrency, current == null ? null : current.defaultCostCurrency()),
                granularity(defaultCostSecGranularity, current == null ? 0 : current.defaultCostSecGranularity(),
                        "default_cost_sec_granularity"),
                granularity(defaultCostMinSecGranularity, current == null ? 0 : current.defaultCostMinSecGranularity(),
                        "default_cost_min_sec_granularity"),
                currency(defaultCurrency, current == null ? null : current.defaultCurrency()),
                granularity(defaultPriceSecGranularity, current == null ? 0 : current.defaultPriceSecGranularity(),
                        "default_price_sec_granularity"),
                granularity(defaultPriceMinSecGranularity, current == null ? 0 : current.defaultPriceMinSecGranularity(),
                        "default_price_min_sec_granularity"),
                openfoamDonations == null ? current.openfoamDonations() : ratio(openfoamDonations),
                securityMargin == null ? current.securityMargin() : Amounts.atLeastZero(securityMargin, "security_margin"),
                zephycoinPrice == null ? current.zephycoinPrice() : Amounts.positive(zephycoinPrice, "zephycoin_price"),
                new RankMargins(rankMargins.get(Rank.ROOT), rankMargins.get(Rank.GOLD), rankMargins.get(Rank.SILVER),
                        rankMargins.get(Rank.BRONZE)),
                storagePricePerDay == null ? current.storagePricePerDay() : storagePrice(storagePricePerDay));
        return next;
    }

    private void requireAll() {
        List<String> missing = new ArrayList<>();
        if (defaultCostCurrency == null) missing.add("default_cost_currency");
        if (defaultCostSecGranularity == null) missing.add("default_cost_sec_granularity");
        if (defaultCostMinSecGranularity == null) missing.add("default_cost_min_sec_granularity");
        if (defaultCurrency == null) missing.add("default_currency");
        if (defaultPriceSecGranularity == null) missing.add("default_price_sec_granularity");
        if (defaultPriceMinSecGranularity == null) missing.add("default_price_min_sec_granularity");
        if (openfoamDonations == null) missing.add("openfoam_donations");
        if (securityMargin == null) missing.add("security_margin");
        if (zephycoinPrice == null) missing.add("zephycoin_price");
        if (margins == null) missing.add("margins");
        if (storagePricePerDay == null) missing.add("storage_price_per_day");
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no pricing constants are set yet, so the first change must give them all;"
                    + " missing: " + String.join(", ", missing));
        }
    }

    private static Rank parseRank(String text) {
        try {
            return Rank.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("margins: " + e.getMessage());
        }
    }

    private static String currency(String given, String current) {
        if (given == null) {
            return current;
        }
        CatalogNames.checkCurrency(given);
        return given;
    }

    private static int granularity(Integer given, int current, String parameter) {
        if (given == null) {
            return current;
        }
        if (given < 1) {
            throw new IllegalArgumentException(parameter + ": must be at least 1 second, got " + given);
        }
        return given;
    }

    private static BigDecimal ratio(BigDecimal value) {
        if (value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("openfoam_donations: is a ratio between 0 and 1, got " + value.toPlainString());
        }
        return Amounts.atLeastZero(value, "openfoam_donations");
    }

    private static Zephycoins storagePrice(Zephycoins value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("storage_price_per_day: must be zero or more zephycoins, got " + value);
        }
        return value;
    }
}
