package com.zephycloud.ledger.query.search;

import com.zephycloud.ledger.query.common.SqlLike;
import com.zephycloud.ledger.query.search.SearchResults.ProjectMatch;
import com.zephycloud.ledger.query.search.SearchResults.UserMatch;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link Search}: a user matches when the term is their id, or the start of their login or email
 * (case-insensitive: both are stored lowercase); a project when the term starts its uid (case as
 * given, uids are codes). Deleted users and removed projects are found too, flagged.
 *
 * <p>Each rule is its own query, a range scan of one index ({@code users} primary key, the
 * prefix indexes of migration V47 on login, email and the current project versions' uid), cut at
 * {@code limit}: the cost follows the rows answered, not the size of the tables. The results are
 * merged in that order (id, login, email), without repeats.
 */
public class SearchQueries {

    private static final String USERS = "SELECT user_id, login, email, deleted FROM users";
    /** The statements, each served by one index (public for the test that asks the database's plan). */
    public static final String USER_BY_ID = USERS + " WHERE user_id = :id";
    public static final String USERS_BY_LOGIN = USERS
            + " WHERE login LIKE :prefix ESCAPE '\\' ORDER BY login LIMIT :limit";
    public static final String USERS_BY_EMAIL = USERS
            + " WHERE email LIKE :prefix ESCAPE '\\' ORDER BY email LIMIT :limit";
    public static final String PROJECTS_BY_UID = "SELECT project_uid, user_id, removed FROM project_versions"
            + " WHERE valid_to_us IS NULL AND project_uid LIKE :prefix ESCAPE '\\' ORDER BY project_uid LIMIT :limit";
    private static final RowMapper<UserMatch> USER = (row, n) -> new UserMatch(row.getLong("user_id"),
            row.getString("login"), row.getString("email"), row.getBoolean("deleted"));

    private final NamedParameterJdbcTemplate jdbc;

    public SearchQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SearchResults handle(Search query) {
        String term = query.term().trim();
        return new SearchResults(users(term, query.limit()), projects(term, query.limit()));
    }

    private List<UserMatch> users(String term, int limit) {
        Map<Long, UserMatch> found = new LinkedHashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit)
                .addValue("prefix", SqlLike.startsWith(term.toLowerCase(Locale.ROOT)));
        if (!term.isEmpty() && term.length() <= 18 && term.chars().allMatch(Character::isDigit)) {
            params.addValue("id", Long.parseLong(term));
            add(found, jdbc.query(USER_BY_ID, params, USER), limit);
        }
        add(found, jdbc.query(USERS_BY_LOGIN, params, USER), limit);
        add(found, jdbc.query(USERS_BY_EMAIL, params, USER), limit);
        return new ArrayList<>(found.values());
    }

    private static void add(Map<Long, UserMatch> found, List<UserMatch> matches, int limit) {
        for (UserMatch match : matches) {
            if (found.size() >= limit) {
                return;
            }
            found.putIfAbsent(match.id(), match);
        }
    }

    private List<ProjectMatch> projects(String term, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit)
                .addValue("prefix", SqlLike.startsWith(term));
        return jdbc.query(PROJECTS_BY_UID, params,
                (row, n) -> new ProjectMatch(row.getString("project_uid"), row.getLong("user_id"),
                        row.getBoolean("removed")));
    }
}
