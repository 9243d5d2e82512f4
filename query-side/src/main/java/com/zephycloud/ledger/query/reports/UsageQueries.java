package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.jdbc.Micros;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage per user, project and month (docs/usage.md), from the reports' own sums: whole months
 * from {@code report_monthly_sums}, whole days around them from {@code report_daily_sums}, the
 * partial days at the edges from {@code ledger_transactions} ({@link ReportWindow}), each row
 * already split by usage kind ({@link UsageKind}). The database sums per user, period, project and
 * kind; days are then added to their months here. Every transaction of the window is counted
 * once, so the lines add up to the ledger exactly.
 */
public class UsageQueries {

    private static final String EDGE_DAY = "occurred_us - MOD(occurred_us, " + ReportWindow.DAY_US + ")";
    private static final String SUMS = "SELECT user_id, %2$s AS period_us, project_uid, kind, amount, cores_per_sec,"
            + " calc_count, mesh_count, entries FROM %3$s WHERE %1$s AND %2$s >= :%4$s AND %2$s < :%5$s";
    private static final String EDGE = "SELECT user_id, " + EDGE_DAY + " AS period_us, project_uid, " + UsageKind.SQL
            + " AS kind, amount, cores_per_sec, calc_count, mesh_count, 1 AS entries FROM ledger_transactions"
            + " WHERE %1$s AND occurred_us %2$s AND occurred_us %3$s";
    private static final String PARTS = String.join(" UNION ALL ",
            SUMS.formatted("%1$s", "month_us", "report_monthly_sums", "monthsStart", "monthsEnd"),
            SUMS.formatted("%1$s", "day_us", "report_daily_sums", "firstDay", "monthsStart"),
            SUMS.formatted("%1$s", "day_us", "report_daily_sums", "monthsEnd", "daysEnd"),
            EDGE.formatted("%1$s", "> :from", "< :headEnd"),
            EDGE.formatted("%1$s", ">= :tailStart", "<= :to"));
    private static final String GROUPED = "SELECT user_id, period_us, project_uid, kind, SUM(amount) AS amount,"
            + " SUM(cores_per_sec) AS cores_per_sec, SUM(calc_count) AS calc_count, SUM(mesh_count) AS mesh_count,"
            + " SUM(entries) AS entries FROM (" + PARTS + ") parts GROUP BY user_id, period_us, project_uid, kind";

    private static final Comparator<UsageKey> ORDER = Comparator.comparingLong(UsageKey::userId)
            .thenComparingLong(UsageKey::monthUs)
            .thenComparing(UsageKey::project, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final NamedParameterJdbcTemplate jdbc;

    public UsageQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Usage handle(ListUsage query) {
        ReportWindow window = new ReportWindow(Micros.of(query.from()), Micros.of(query.to()));
        MapSqlParameterSource params = ReportQueries.parameters(window).addValue("userId", query.userId());
        String users = query.userId() == null ? "1 = 1" : "user_id = :userId";
        Map<UsageKey, UsageSums> lines = new TreeMap<>(ORDER);
        UsageSums totals = new UsageSums();
        jdbc.query(GROUPED.formatted(users), params, row -> {
            UsageKey key = new UsageKey(row.getLong("user_id"), ReportWindow.monthOf(row.getLong("period_us")),
                    row.getString("project_uid"));
            UsageSums.Part part = new UsageSums.Part(row.getString("kind"), row.getBigDecimal("amount"),
                    orZero(row.getBigDecimal("cores_per_sec")), orZero(row.getBigDecimal("calc_count")).longValueExact(),
                    orZero(row.getBigDecimal("mesh_count")).longValueExact(), row.getLong("entries"));
            lines.computeIfAbsent(key, k -> new UsageSums()).add(part);
            totals.add(part);
        });
        List<UsageLine> answer = lines.entrySet().stream()
                .map(line -> line.getValue().line(line.getKey().userId(), line.getKey().monthUs(), line.getKey().project()))
                .toList();
        return new Usage(Micros.toEpochSeconds(window.fromUs()), Micros.toEpochSeconds(window.toUs()), answer,
                totals.line(0, null, null));
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** One line: a user's project in a month (month start in epoch microseconds). */
    private record UsageKey(long userId, long monthUs, String project) {
    }
}
