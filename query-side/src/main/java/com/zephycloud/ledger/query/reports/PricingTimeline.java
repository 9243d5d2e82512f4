package com.zephycloud.ledger.query.reports;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The pricing constants and exchange rates of the catalog over [{@code startUs}, {@code endUs}],
 * cut into segments in which nothing changes: segment 0 starts at {@code startUs}, segment i at
 * the i-th change. Transactions are summed per segment in SQL ({@link #segmentOf}) and each sum is
 * valued with the one {@link PricingAt} of its segment.
 */
final class PricingTimeline {

    /** A version's validity range [fromUs, toUs). */
    private record Range(long fromUs, Long toUs) {

        boolean validAt(long us) {
            return fromUs <= us && (toUs == null || toUs > us);
        }
    }

    private record Constants(Range range, BigDecimal zephycoinPrice, String defaultCurrency,
                             BigDecimal openfoamDonations) {
    }

    private record Rate(Range range, BigDecimal rateToEuro) {
    }

    private final long startUs;
    private final List<Long> changes;
    private final List<Constants> constants = new ArrayList<>();
    private final Map<String, List<Rate>> rates = new HashMap<>();
    private final Map<Integer, PricingAt> known = new HashMap<>();

    PricingTimeline(NamedParameterJdbcTemplate jdbc, long startUs, long endUs) {
        this.startUs = startUs;
        MapSqlParameterSource span = new MapSqlParameterSource("start", startUs).addValue("end", endUs);
        String overlapping = " WHERE valid_from_us <= :end AND (valid_to_us IS NULL OR valid_to_us > :start)";
        TreeSet<Long> starts = new TreeSet<>();
        jdbc.query("SELECT valid_from_us, valid_to_us, zephycoin_price, default_currency, openfoam_donations"
                + " FROM catalog_pricing_version" + overlapping, span, row -> {
            constants.add(new Constants(range(row), row.getBigDecimal("zephycoin_price"),
                    row.getString("default_currency"), row.getBigDecimal("openfoam_donations")));
            starts.add(row.getLong("valid_from_us"));
        });
        jdbc.query("SELECT currency, valid_from_us, valid_to_us, rate_to_euro FROM catalog_exchange_rate_version"
                + overlapping, span, row -> {
            rates.computeIfAbsent(row.getString("currency"), c -> new ArrayList<>())
                    .add(new Rate(range(row), row.getBigDecimal("rate_to_euro")));
            starts.add(row.getLong("valid_from_us"));
        });
        this.changes = List.copyOf(starts.tailSet(startUs, false));
    }

    /** SQL: the segment of the instant {@code us} (a column or expression), with its parameters added. */
    String segmentOf(String us, MapSqlParameterSource params) {
        if (changes.isEmpty()) {
            return "0";
        }
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i < changes.size(); i++) {
            params.addValue("change" + i, changes.get(i));
            sql.append(" WHEN ").append(us).append(" < :change").append(i).append(" THEN ").append(i);
        }
        return sql.append(" ELSE ").append(changes.size()).append(" END").toString();
    }

    /** The pricing valid throughout segment {@code segment}. */
    PricingAt pricing(int segment) {
        return known.computeIfAbsent(segment, this::valid);
    }

    private PricingAt valid(int segment) {
        long at = segment == 0 ? startUs : changes.get(segment - 1);
        Constants version = constants.stream().filter(v -> v.range().validAt(at)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pricing constants were valid at " + instant(at)
                        + ", when zephycoins were spent in this window; set them with reports/pricing_constants/update"));
        Map<String, BigDecimal> currencyToEuro = new HashMap<>();
        currencyToEuro.put("euro", BigDecimal.ONE);
        rates.forEach((currency, versions) -> versions.stream().filter(v -> v.range().validAt(at)).findFirst()
                .ifPresent(v -> currencyToEuro.put(currency, v.rateToEuro())));
        String defaultCurrency = version.defaultCurrency();
        if (!currencyToEuro.containsKey(defaultCurrency)) {
            throw new IllegalStateException("no exchange rate of '" + defaultCurrency + "' (the default currency)"
                    + " was valid at " + instant(at));
        }
        return new PricingAt(version.zephycoinPrice(), defaultCurrency, currencyToEuro, version.openfoamDonations());
    }

    /** Refuses a report in {@code currency} if a segment has no rate for it. */
    void requireRate(int segment, String currency) {
        if (!pricing(segment).currencyToEuro().containsKey(currency)) {
            long at = segment == 0 ? startUs : changes.get(segment - 1);
            throw new IllegalStateException("no exchange rate of '" + currency + "' was valid at " + instant(at)
                    + "; set it with currencies/set");
        }
    }

    private static Range range(ResultSet row) throws SQLException {
        return new Range(row.getLong("valid_from_us"), row.getObject("valid_to_us", Long.class));
    }

    static String instant(long us) {
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000), Math.floorMod(us, 1_000_000) * 1000L).toString();
    }
}
