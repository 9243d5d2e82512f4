package com.zephycloud.ledger.query.projects;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.query.common.SortableColumns;
import com.zephycloud.ledger.query.common.SqlLike;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public class ProjectQueries {

    public static final SortableColumns ORDER = SortableColumns.of("p.project_uid ASC",
            "id", "p.created_us", "project_uid", "p.project_uid", "storage", "p.storage", "status", "p.status",
            "email", "u.email", "creation_date", "p.created_us");

    private static final String FROM = " FROM project_versions p LEFT JOIN users u ON u.user_id = p.user_id";
    private static final RowMapper<ProjectSummary> SUMMARY = (row, n) -> new ProjectSummary(row.getString("login"),
            row.getString("email"), row.getLong("user_id"), row.getString("project_uid"), row.getString("status"),
            row.getString("storage"), Micros.toEpochSeconds(row.getLong("created_us")));

    private final NamedParameterJdbcTemplate jdbc;

    public ProjectQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ProjectPage handle(ListProjects query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" WHERE p.removed = FALSE");
        if (query.at() == null) {
            where.append(" AND p.valid_to_us IS NULL");
        } else {
            where.append(" AND p.valid_from_us <= :at AND (p.valid_to_us IS NULL OR p.valid_to_us > :at)");
            params.addValue("at", Micros.of(query.at()));
        }
        if (query.userId() != null) {
            where.append(" AND p.user_id = :userId");
            params.addValue("userId", query.userId());
        }
        if (query.filter() != null) {
            where.append(" AND p.project_uid LIKE :filter ESCAPE '\\'");
            params.addValue("filter", SqlLike.contains(query.filter()));
        }
        if (query.status() != null) {
            where.append(" AND p.status = :status");
            params.addValue("status", query.status().json());
        }
        if (query.storage() != null) {
            where.append(" AND p.storage = :storage");
            params.addValue("storage", query.storage());
        }
        Long total = jdbc.queryForObject("SELECT count(*)" + FROM + where, params, Long.class);
        List<ProjectSummary> items = jdbc.query("SELECT p.*, u.login, u.email" + FROM + where
                + ORDER.orderBy(query.sort()) + query.paging().sql(), params, SUMMARY);
        return new ProjectPage(items, total == null ? 0 : total);
    }

    @QueryHandler
    public Optional<ProjectDetails> handle(FindProject query) {
        MapSqlParameterSource params = new MapSqlParameterSource("uid", query.projectUid());
        List<ProjectDetails> found = jdbc.query("SELECT p.*, u.login, u.email, u.deleted AS owner_deleted" + FROM
                + " WHERE p.project_uid = :uid AND p.valid_to_us IS NULL", params,
                (row, n) -> details(row, query, storageKeys(query.projectUid())));
        return found.stream().findFirst();
    }

    @QueryHandler
    public Optional<ProjectFileView> handle(FindProjectFile query) {
        return jdbc.query("SELECT * FROM project_files WHERE file_id = :id",
                new MapSqlParameterSource("id", query.fileId()),
                (row, n) -> new ProjectFileView(row.getLong("file_id"), row.getString("project_uid"),
                        row.getString("name"), row.getLong("size"), row.getString("storage_key"),
                        row.getBoolean("deleted"))).stream().findFirst();
    }

    /** The storage key of each file of the project, by file id. */
    private Map<Long, String> storageKeys(String projectUid) {
        Map<Long, String> keys = new HashMap<>();
        jdbc.query("SELECT file_id, storage_key FROM project_files WHERE project_uid = :uid",
                new MapSqlParameterSource("uid", projectUid),
                row -> {
                    keys.put(row.getLong("file_id"), row.getString("storage_key"));
                });
        return keys;
    }

    private ProjectDetails details(ResultSet row, FindProject query, Map<Long, String> keys) throws SQLException {
        String uid = row.getString("project_uid");
        MapSqlParameterSource params = new MapSqlParameterSource("uid", uid);
        Long totalSize = jdbc.queryForObject("SELECT COALESCE(SUM(size), 0) FROM project_files"
                + " WHERE project_uid = :uid AND deleted = FALSE", params, Long.class);
        BigDecimal spent = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM ledger_transactions"
                + " WHERE project_uid = :uid", params, BigDecimal.class);
        String alive = query.includeDeletedItems() ? "" : " AND deleted_us IS NULL";
        List<MeshView> meshes = jdbc.query("SELECT * FROM project_meshes WHERE project_uid = :uid" + alive
                + " ORDER BY mesh_id", params, (m, i) -> new MeshView(m.getLong("mesh_id"), m.getString("name"),
                m.getString("status"), Micros.toEpochSeconds(m.getLong("created_us")), deletedAt(m),
                file(m, "preview_file_id", keys), file(m, "result_file_id", keys)));
        List<CalculationView> calculations = jdbc.query("SELECT * FROM project_calculations WHERE project_uid = :uid"
                + alive + " ORDER BY job_id", params, (c, i) -> new CalculationView(c.getLong("job_id"),
                c.getString("name"), c.getString("status"), Micros.toEpochSeconds(c.getLong("created_us")),
                deletedAt(c), c.getLong("mesh_id"), file(c, "status_file_id", keys), file(c, "result_file_id", keys),
                file(c, "iterations_file_id", keys), file(c, "reduce_file_id", keys), file(c, "internal_file_id", keys),
                c.getBoolean("has_logs")));
        return new ProjectDetails(row.getLong("user_id"), row.getString("login"), row.getString("email"),
                row.getBoolean("owner_deleted"), uid, Micros.toEpochSeconds(row.getLong("created_us")),
                row.getString("status"), row.getString("storage"), row.getBoolean("removed"),
                totalSize == null ? 0 : totalSize, file(row, "raw_file_id", keys), file(row, "analyzed_file_id", keys),
                spent == null ? BigDecimal.ZERO : spent.negate(), meshes, calculations);
    }

    private static Long deletedAt(ResultSet row) throws SQLException {
        long micros = row.getLong("deleted_us");
        return row.wasNull() ? null : Micros.toEpochSeconds(micros);
    }

    /** The file whose id is in {@code column}, with its storage key; null when there is none. */
    private static StoredFile file(ResultSet row, String column, Map<Long, String> keys) throws SQLException {
        long fileId = row.getLong(column);
        if (row.wasNull() || !keys.containsKey(fileId)) {
            return null;
        }
        return new StoredFile(fileId, keys.get(fileId));
    }
}
