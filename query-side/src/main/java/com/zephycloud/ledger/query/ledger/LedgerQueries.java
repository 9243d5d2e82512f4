package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.jdbc.Micros;

import com.zephycloud.ledger.query.common.SortableColumns;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.util.List;

public class LedgerQueries {

    public static final SortableColumns ORDER = SortableColumns.of("t.id ASC",
            "id", "t.id", "amount", "t.amount", "date", "t.occurred_us", "job_id", "t.job_id",
            "login", "u.login", "email", "u.email", "description", "t.description",
            "project_uid", "t.project_uid", "computing_start", "t.computing_start",
            "computing_end", "t.computing_end");

    private static final RowMapper<TransactionView> ROW = (row, n) -> new TransactionView(
            row.getLong("id"), row.getLong("user_id"), row.getString("login"), row.getString("email"),
            row.getBigDecimal("amount"), row.getString("description"),
            Micros.toEpochSeconds(row.getLong("occurred_us")), row.getString("project_uid"),
            (Long) row.getObject("job_id", Long.class),
            Micros.toEpochSeconds(row.getObject("computing_start", Long.class)),
            Micros.toEpochSeconds(row.getObject("computing_end", Long.class)),
            row.getString("category"),
            row.getObject("canceled_by", Long.class),
            row.getObject("reverses", Long.class));

    private final NamedParameterJdbcTemplate jdbc;

    public LedgerQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public TransactionPage handle(ListTransactions query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.userId() != null) {
            where.append(" AND t.user_id = :userId");
            params.addValue("userId", query.userId());
        }
        if (query.projectUid() != null) {
            where.append(" AND t.project_uid = :projectUid");
            params.addValue("projectUid", query.projectUid());
        }
        if (query.jobId() != null) {
            where.append(" AND t.job_id = :jobId");
            params.addValue("jobId", query.jobId());
        }
        if (query.description() != null) {
            where.append(" AND t.description = :description");
            params.addValue("description", query.description());
        }
        String from = " FROM ledger_transactions t JOIN users u ON u.user_id = t.user_id";
        Long total = jdbc.queryForObject("SELECT count(*)" + from + where, params, Long.class);
        List<TransactionView> items = jdbc.query("SELECT t.*, u.login, u.email" + from + where
                + ORDER.orderBy(query.sort()) + query.paging().sql(), params, ROW);
        return new TransactionPage(items, total == null ? 0 : total);
    }

    /** One index probe on (user_id, occurred_us, user_seq): O(log n) in the history's length. */
    @QueryHandler
    public BalanceAt handle(FindBalanceAt query) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("userId", query.userId())
                .addValue("at", Micros.of(query.at()));
        List<BalanceAt> rows = jdbc.query("SELECT id, balance_after FROM ledger_transactions"
                        + " WHERE user_id = :userId AND occurred_us <= :at"
                        + " ORDER BY occurred_us DESC, user_seq DESC LIMIT 1", params,
                (row, n) -> new BalanceAt(query.userId(), query.at().getEpochSecond(),
                        row.getBigDecimal("balance_after"), row.getLong("id")));
        return rows.isEmpty() ? new BalanceAt(query.userId(), query.at().getEpochSecond(), BigDecimal.ZERO, null)
                : rows.get(0);
    }

    @QueryHandler
    public BalanceHistoryPage handle(ListBalanceHistory query) {
        StringBuilder where = new StringBuilder(" WHERE user_id = :userId");
        MapSqlParameterSource params = new MapSqlParameterSource("userId", query.userId());
        if (query.from() != null) {
            where.append(" AND occurred_us > :from");
            params.addValue("from", Micros.of(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND occurred_us <= :to");
            params.addValue("to", Micros.of(query.to()));
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM ledger_transactions" + where, params, Long.class);
        List<BalanceHistoryEntry> items = jdbc.query("SELECT id, user_seq, occurred_us, amount, balance_after,"
                        + " description FROM ledger_transactions" + where + " ORDER BY occurred_us, user_seq"
                        + query.paging().sql(), params,
                (row, n) -> new BalanceHistoryEntry(row.getLong("id"), row.getLong("user_seq"),
                        row.getLong("occurred_us") / 1_000_000.0, row.getBigDecimal("amount"),
                        row.getBigDecimal("balance_after"), row.getString("description")));
        return new BalanceHistoryPage(items, total == null ? 0 : total);
    }
}
