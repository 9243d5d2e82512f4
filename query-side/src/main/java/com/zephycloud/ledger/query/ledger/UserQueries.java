package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.MonthlySpend;
import com.zephycloud.ledger.query.common.SortableColumns;
import com.zephycloud.ledger.query.common.SqlLike;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public class UserQueries {

    public static final SortableColumns ORDER = SortableColumns.of("user_id ASC",
            "user_id", "user_id", "login", "login", "rank", "rank", "credit", "credit", "email", "email");

    /** The spend kept is of the month of the user's last charge: in a later month, nothing is spent yet. */
    private static final String COLUMNS = "SELECT user_id, login, email, rank, credit, deleted, monthly_spend_limit,"
            + " low_balance_threshold, CASE WHEN spend_month_us = :month THEN month_spend ELSE 0 END AS month_spend,"
            + " low_balance FROM users";
    private static final RowMapper<UserView> ROW = (row, n) -> new UserView(row.getLong("user_id"),
            row.getString("login"), row.getString("email"), row.getString("rank"),
            row.getBigDecimal("credit"), row.getBoolean("deleted"), row.getBigDecimal("monthly_spend_limit"),
            row.getBigDecimal("low_balance_threshold"), row.getBigDecimal("month_spend"), row.getBoolean("low_balance"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public UserQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The first instant of this UTC month, as {@code users.spend_month_us} stores it. */
    private long currentMonth() {
        return Micros.of(MonthlySpend.startOf(MonthlySpend.monthOf(clock.instant())));
    }

    @QueryHandler
    public UserPage handle(ListUsers query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!query.includeDeleted()) {
            where.append(" AND deleted = FALSE");
        }
        if (query.rank() != null) {
            where.append(" AND rank = :rank");
            params.addValue("rank", query.rank().json());
        }
        if (query.filter() != null && !query.filter().isEmpty()) {
            if (query.filter().chars().allMatch(Character::isDigit)) {
                where.append(" AND user_id = :id");
                params.addValue("id", Long.parseLong(query.filter()));
            } else {
                where.append(" AND login LIKE :login ESCAPE '\\'");
                params.addValue("login", SqlLike.contains(query.filter().toLowerCase(Locale.ROOT)));
            }
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM users" + where, params, Long.class);
        params.addValue("month", currentMonth());
        List<UserView> items = jdbc.query(COLUMNS + where + ORDER.orderBy(query.sort()) + query.paging().sql(),
                params, ROW);
        return new UserPage(items, total == null ? 0 : total);
    }

    @QueryHandler
    public Optional<UserView> handle(FindUser query) {
        MapSqlParameterSource params = new MapSqlParameterSource("month", currentMonth());
        String where;
        if (query.userId() != null) {
            where = " WHERE user_id = :value";
            params.addValue("value", query.userId());
        } else if (query.login() != null) {
            where = " WHERE login = :value";
            params.addValue("value", query.login());
        } else {
            where = " WHERE email = :value";
            params.addValue("value", query.email().toLowerCase(Locale.ROOT));
        }
        if (!query.includeDeleted()) {
            where += " AND deleted = FALSE";
        }
        return jdbc.query(COLUMNS + where, params, ROW).stream().findFirst();
    }
}
