package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.ChargeCategory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code reports/benefits}: the window's consumptions summed in SQL per user, category and pricing
 * segment ({@link PricingTimeline}), the slices' provider costs likewise, then valued by
 * {@link BenefitsLedger}. A transaction is valued at its own date, except a cancellation, which is
 * valued at the date of the charge it reverses: it takes back exactly what that charge brought,
 * so a charge canceled in the same window leaves its revenue and its cost out whatever the rates
 * did in between. A cancellation counts in the window of its own date, so windows add up.
 */
public class BenefitsQueries {

    private static final String CONSUMPTION = "t.category IN ('fixed_price', 'computation', 'storage')";

    /** The window's charges and cancellations; {@code o} is the charge a cancellation reverses. */
    private static final String WINDOW = " FROM ledger_transactions t LEFT JOIN ledger_transactions o ON o.id = t.reverses"
            + " WHERE t.occurred_us > :from AND t.occurred_us <= :to AND %s%s";

    private static final String VALUED_AT = "COALESCE(o.occurred_us, t.occurred_us)";

    private final NamedParameterJdbcTemplate jdbc;

    public BenefitsQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public BenefitsReport handle(FindBenefits query) {
        MapSqlParameterSource params = new MapSqlParameterSource("from", Micros.of(query.from()))
                .addValue("to", Micros.of(query.to()));
        String oneUser = "";
        if (query.userId() != null) {
            params.addValue("userId", query.userId());
            oneUser = " AND t.user_id = :userId";
        }
        Long earliestReversed = jdbc.queryForObject("SELECT MIN(o.occurred_us)" + WINDOW.formatted(CONSUMPTION, oneUser),
                params, Long.class);
        long startUs = Math.min(Micros.of(query.from()), earliestReversed == null ? Long.MAX_VALUE : earliestReversed);
        PricingTimeline timeline = new PricingTimeline(jdbc, startUs, Micros.of(query.to()));
        String segment = timeline.segmentOf(VALUED_AT, params);

        Map<Long, BenefitsLedger> ledgers = new HashMap<>();
        jdbc.query("SELECT user_id, category, segment, SUM(amount) AS amount FROM (SELECT t.user_id, t.category, "
                        + segment + " AS segment, t.amount" + WINDOW.formatted(CONSUMPTION, oneUser)
                        + ") x GROUP BY user_id, category, segment", params, row -> {
                    int n = row.getInt("segment");
                    timeline.requireRate(n, query.currency());
                    ledger(ledgers, row.getLong("user_id"), query.currency()).transaction(
                            ChargeCategory.parse(row.getString("category")), row.getBigDecimal("amount"),
                            timeline.pricing(n));
                });
        jdbc.query("SELECT user_id, cost_currency, segment, SUM(cost) AS cost FROM (SELECT t.user_id, s.cost_currency, "
                        + segment + " AS segment, CASE WHEN t.reverses IS NULL THEN s.provider_cost"
                        + " ELSE -s.provider_cost END AS cost" + WINDOW.replace(" WHERE",
                        " JOIN benefit_slice_costs s ON s.transaction_id = COALESCE(t.reverses, t.id) WHERE")
                        .formatted("t.category = 'computation'", oneUser)
                        + ") x GROUP BY user_id, cost_currency, segment", params, row -> {
                    int n = row.getInt("segment");
                    String costCurrency = row.getString("cost_currency");
                    timeline.requireRate(n, query.currency());
                    timeline.requireRate(n, costCurrency);
                    ledger(ledgers, row.getLong("user_id"), query.currency()).providerCost(row.getBigDecimal("cost"),
                            costCurrency, timeline.pricing(n));
                });

        String users = query.userId() != null ? " WHERE u.user_id = :userId"
                : " WHERE EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.user_id = u.user_id"
                + " AND t.category IS NOT NULL AND t.occurred_us > :from AND t.occurred_us <= :to)";
        List<Benefits> lines = new ArrayList<>();
        jdbc.query("SELECT u.user_id, u.login, u.email FROM users u" + users + " ORDER BY u.user_id", params,
                row -> {
                    long userId = row.getLong("user_id");
                    lines.add(ledger(ledgers, userId, query.currency()).result(userId, row.getString("login"),
                            row.getString("email")));
                });
        return new BenefitsReport(lines);
    }

    private static BenefitsLedger ledger(Map<Long, BenefitsLedger> ledgers, long userId, String currency) {
        return ledgers.computeIfAbsent(userId, id -> new BenefitsLedger(currency));
    }
}
