package com.zephycloud.ledger.query.computations;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.query.common.SortableColumns;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Computations with their owner's login and email (from the users read model). */
public class ComputationQueries {

    public static final SortableColumns ORDER = SortableColumns.of("c.job_id ASC",
            "job_id", "c.job_id", "project_uid", "c.project_uid", "status", "c.status", "start_time", "c.start_us",
            "end_time", "c.end_us", "email", "u.email", "login", "u.login", "user_id", "c.user_id");

    private static final String FROM = " FROM computations c LEFT JOIN users u ON u.user_id = c.user_id";
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private static final RowMapper<ComputationSummary> SUMMARY = (row, n) -> new ComputationSummary(
            row.getLong("job_id"), row.getLong("user_id"), row.getString("login"), row.getString("email"),
            row.getString("project_uid"), Micros.toEpochSeconds(row.getLong("create_us")), seconds(row, "start_us"),
            seconds(row, "end_us"), row.getString("status"), row.getBigDecimal("progress"),
            row.getBoolean("has_logs"));

    private static final RowMapper<ComputationDetails> DETAILS = (row, n) -> new ComputationDetails(
            row.getLong("job_id"), row.getLong("user_id"), row.getString("login"), row.getString("email"),
            row.getString("project_uid"), Micros.toEpochSeconds(row.getLong("create_us")), seconds(row, "start_us"),
            seconds(row, "end_us"), row.getString("status"), row.getBigDecimal("progress"), row.getBoolean("has_logs"),
            row.getBoolean("shutdown_disabled"), row.getString("provider"), row.getString("machine"),
            row.getInt("nbr_machines"), row.getInt("cores_per_machine"), row.getString("user_rank"),
            row.getString("toolchain_name"), row.getLong("toolchain_id"), row.getBigDecimal("fixed_price"),
            row.getBigDecimal("cost_per_hour"), perSecond(row.getBigDecimal("cost_per_hour")),
            row.getString("cost_currency"), row.getInt("cost_min_sec_granularity"), row.getInt("cost_sec_granularity"),
            row.getBigDecimal("price_per_hour"), perSecond(row.getBigDecimal("price_per_hour")),
            row.getInt("price_min_sec_granularity"), row.getInt("price_sec_granularity"));

    private final NamedParameterJdbcTemplate jdbc;

    public ComputationQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ComputationPage handle(ListComputations query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.userId() != null) {
            where.append(" AND c.user_id = :user");
            params.addValue("user", query.userId());
        }
        if (query.projectUid() != null) {
            where.append(" AND c.project_uid = :project");
            params.addValue("project", query.projectUid());
        }
        if (query.status() != null) {
            where.append(" AND c.status = :status");
            params.addValue("status", query.status());
        }
        Long total = jdbc.queryForObject("SELECT count(*)" + FROM + where, params, Long.class);
        List<ComputationSummary> items = jdbc.query("SELECT c.*, u.login, u.email" + FROM + where
                + ORDER.orderBy(query.sort()) + query.paging().sql(), params, SUMMARY);
        return new ComputationPage(items, total == null ? 0 : total);
    }

    @QueryHandler
    public Optional<ComputationDetails> handle(FindComputation query) {
        return jdbc.query("SELECT c.*, u.login, u.email" + FROM + " WHERE c.job_id = :job",
                new MapSqlParameterSource("job", query.jobId()), DETAILS).stream().findFirst();
    }

    @QueryHandler
    public Optional<ComputationLogs> handle(FindComputationLogs query) {
        MapSqlParameterSource job = new MapSqlParameterSource("job", query.jobId());
        Long known = jdbc.queryForObject("SELECT count(*) FROM computations WHERE job_id = :job", job, Long.class);
        if (known == null || known == 0) {
            return Optional.empty();
        }
        List<String> chunks = jdbc.queryForList("SELECT lines FROM computation_logs WHERE job_id = :job ORDER BY job_seq",
                job, String.class);
        return Optional.of(new ComputationLogs(String.join("", chunks)));
    }

    @QueryHandler
    public ComputationStatusHistory handle(ListComputationStatuses query) {
        return new ComputationStatusHistory(jdbc.query("SELECT status, at_us, reason FROM computation_statuses"
                        + " WHERE job_id = :job ORDER BY job_seq DESC", new MapSqlParameterSource("job", query.jobId()),
                (row, n) -> new ComputationStatusEntry(row.getString("status"),
                        Micros.toEpochSeconds(row.getLong("at_us")), row.getString("reason"))));
    }

    private static Long seconds(ResultSet row, String column) throws SQLException {
        long micros = row.getLong(column);
        return row.wasNull() ? null : Micros.toEpochSeconds(micros);
    }

    private static BigDecimal perSecond(BigDecimal perHour) {
        return perHour.divide(SECONDS_PER_HOUR, 8, RoundingMode.HALF_EVEN);
    }
}
