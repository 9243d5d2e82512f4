package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;
import com.zephycloud.ledger.query.common.SortKey;
import com.zephycloud.ledger.query.common.SortableColumns;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports over the window (from, to]. Balances are single index probes into the balance history
 * (the last transaction stamped at or before the date); details are the monthly sums of the whole
 * months in the window, the daily sums of the whole days around them and the transactions of its
 * two partial days, grouped by description and project ({@link ReportWindow}). Both read the same transactions, so the balance identity holds exactly.
 */
public class ReportQueries {

    /** The reference's order values; ties are broken by project then description. */
    public static final SortableColumns ORDER = SortableColumns.of("project_uid ASC, description ASC",
            "project", "project_uid", "date", "last_us", "description", "description");

    private static final Sort BY_PROJECT = new Sort(List.of(new SortKey("project", false)));

    private static final String BALANCE_AT = "(SELECT t.balance_after FROM ledger_transactions t"
            + " WHERE t.user_id = u.user_id AND t.occurred_us <= :%s"
            + " ORDER BY t.occurred_us DESC, t.user_seq DESC LIMIT 1)";

    private static final String PARTS = "SELECT user_id, description, project_uid, amount, last_us, cores_per_sec,"
            + " calc_count, mesh_count FROM report_monthly_sums"
            + " WHERE %1$s AND month_us >= :monthsStart AND month_us < :monthsEnd"
            + " UNION ALL SELECT user_id, description, project_uid, amount, last_us, cores_per_sec, calc_count,"
            + " mesh_count FROM report_daily_sums WHERE %1$s AND day_us >= :firstDay AND day_us < :monthsStart"
            + " UNION ALL SELECT user_id, description, project_uid, amount, last_us, cores_per_sec, calc_count,"
            + " mesh_count FROM report_daily_sums WHERE %1$s AND day_us >= :monthsEnd AND day_us < :daysEnd"
            + " UNION ALL SELECT user_id, description, project_uid, amount, occurred_us, cores_per_sec, calc_count,"
            + " mesh_count FROM ledger_transactions WHERE %1$s AND occurred_us > :from AND occurred_us < :headEnd"
            + " UNION ALL SELECT user_id, description, project_uid, amount, occurred_us, cores_per_sec, calc_count,"
            + " mesh_count FROM ledger_transactions WHERE %1$s AND occurred_us >= :tailStart AND occurred_us <= :to";

    private final NamedParameterJdbcTemplate jdbc;

    public ReportQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<UserReport> handle(FindUserReport query) {
        ReportWindow window = window(query.from(), query.to());
        MapSqlParameterSource params = parameters(window).addValue("userId", query.userId());
        List<UserReport> users = users(" WHERE u.user_id = :userId", Paging.ALL, params);
        if (users.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<ReportDetail>> details = details("user_id = :userId", query.sort(), params);
        return Optional.of(withDetails(users.get(0), details));
    }

    @QueryHandler
    public UserReportPage handle(ListUserReports query) {
        ReportWindow window = window(query.from(), query.to());
        MapSqlParameterSource params = parameters(window);
        Long total = jdbc.queryForObject("SELECT count(*) FROM users", params, Long.class);
        List<UserReport> users = users("", query.paging(), params);
        if (users.isEmpty()) {
            return new UserReportPage(List.of(), total == null ? 0 : total);
        }
        params.addValue("firstUser", users.get(0).userId()).addValue("lastUser", users.get(users.size() - 1).userId());
        Map<Long, List<ReportDetail>> details = details("user_id BETWEEN :firstUser AND :lastUser", query.sort(),
                params);
        List<UserReport> reports = new ArrayList<>(users.size());
        users.forEach(user -> reports.add(withDetails(user, details)));
        return new UserReportPage(reports, total == null ? 0 : total);
    }

    private static ReportWindow window(Instant from, Instant to) {
        return new ReportWindow(Micros.of(from), Micros.of(to));
    }

    /** The window's bounds as the named parameters of the report statements (also those of {@link UsageQueries}). */
    static MapSqlParameterSource parameters(ReportWindow window) {
        return new MapSqlParameterSource()
                .addValue("from", window.fromUs())
                .addValue("to", window.toUs())
                .addValue("firstDay", window.firstWholeDay())
                .addValue("daysEnd", window.wholeDaysEnd())
                .addValue("monthsStart", window.monthsStart())
                .addValue("monthsEnd", window.monthsEnd())
                .addValue("headEnd", window.headEnd())
                .addValue("tailStart", window.tailStart());
    }

    /** The users with their balances at both ends of the window, without details yet. */
    private List<UserReport> users(String where, Paging paging, MapSqlParameterSource params) {
        return jdbc.query("SELECT u.user_id, u.login, u.email, " + BALANCE_AT.formatted("from") + " AS previous_balance, "
                        + BALANCE_AT.formatted("to") + " AS current_balance FROM users u" + where
                        + " ORDER BY u.user_id" + paging.sql(), params,
                (row, n) -> new UserReport(row.getLong("user_id"), row.getString("login"), row.getString("email"),
                        orZero(row.getBigDecimal("current_balance")), orZero(row.getBigDecimal("previous_balance")),
                        List.of()));
    }

    private Map<Long, List<ReportDetail>> details(String users, Sort sort, MapSqlParameterSource params) {
        Map<Long, List<ReportDetail>> byUser = new HashMap<>();
        jdbc.query("SELECT user_id, description, project_uid, SUM(amount) AS amount, MAX(last_us) AS last_us,"
                        + " SUM(cores_per_sec) AS cores_per_sec, SUM(calc_count) AS calc_count,"
                        + " SUM(mesh_count) AS mesh_count FROM (" + PARTS.formatted(users) + ") parts"
                        + " GROUP BY user_id, description, project_uid" + ORDER.orderBy(sort.keys().isEmpty() ? BY_PROJECT : sort),
                params, row -> {
                    byUser.computeIfAbsent(row.getLong("user_id"), id -> new ArrayList<>()).add(new ReportDetail(
                            row.getBigDecimal("amount"),
                            BigDecimal.valueOf(row.getLong("last_us"), 6),
                            row.getString("description"),
                            row.getString("project_uid"),
                            row.getBigDecimal("cores_per_sec"),
                            toLong(row.getBigDecimal("calc_count")),
                            toLong(row.getBigDecimal("mesh_count"))));
                });
        return byUser;
    }

    private static UserReport withDetails(UserReport user, Map<Long, List<ReportDetail>> details) {
        return new UserReport(user.userId(), user.login(), user.email(), user.currentBalance(), user.previousBalance(),
                details.getOrDefault(user.userId(), List.of()));
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static Long toLong(BigDecimal value) {
        return value == null ? null : value.longValueExact();
    }
}
