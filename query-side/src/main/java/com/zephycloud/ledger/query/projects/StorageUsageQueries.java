package com.zephycloud.ledger.query.projects;

import com.zephycloud.ledger.jdbc.Micros;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Instant;

/** What storage billing counts, from the meshes' and calculations' creation and deletion dates. */
public class StorageUsageQueries {

    private static final String ALIVE = " WHERE user_id = :userId AND created_us < :to"
            + " AND (deleted_us IS NULL OR deleted_us > :from)";

    private final NamedParameterJdbcTemplate jdbc;

    public StorageUsageQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public StorageUsers handle(ListStorageUsers query) {
        MapSqlParameterSource params = new MapSqlParameterSource("before", Micros.of(query.before()));
        return new StorageUsers(jdbc.query("SELECT user_id, MIN(first_us) AS first_us FROM ("
                        + " SELECT user_id, MIN(created_us) AS first_us FROM project_meshes"
                        + " WHERE created_us < :before GROUP BY user_id"
                        + " UNION ALL SELECT user_id, MIN(created_us) AS first_us FROM project_calculations"
                        + " WHERE created_us < :before GROUP BY user_id) items GROUP BY user_id ORDER BY user_id",
                params, (row, n) -> new StorageUser(row.getLong("user_id"), instant(row.getLong("first_us")))));
    }

    @QueryHandler
    public StorageUsage handle(FindStorageUsage query) {
        MapSqlParameterSource params = new MapSqlParameterSource("userId", query.userId())
                .addValue("from", Micros.of(query.from())).addValue("to", Micros.of(query.to()));
        Integer meshes = jdbc.queryForObject("SELECT count(*) FROM project_meshes" + ALIVE, params, Integer.class);
        Integer calculations = jdbc.queryForObject("SELECT count(*) FROM project_calculations" + ALIVE, params,
                Integer.class);
        return new StorageUsage(meshes == null ? 0 : meshes, calculations == null ? 0 : calculations);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
