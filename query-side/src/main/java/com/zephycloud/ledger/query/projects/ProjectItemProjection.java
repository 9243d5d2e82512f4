package com.zephycloud.ledger.query.projects;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.events.projects.CalculationCreated;
import com.zephycloud.ledger.kernel.events.projects.CalculationDeleted;
import com.zephycloud.ledger.kernel.events.projects.CalculationStatusChanged;
import com.zephycloud.ledger.kernel.events.projects.MeshCreated;
import com.zephycloud.ledger.kernel.events.projects.MeshDeleted;
import com.zephycloud.ledger.kernel.events.projects.MeshStatusChanged;
import com.zephycloud.ledger.kernel.events.projects.ProjectFileAttached;
import com.zephycloud.ledger.kernel.projects.FileRole;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Map;

/**
 * The {@code project_meshes} and {@code project_calculations} tables, part of the projects read
 * model: each item with its creation and deletion dates (storage billing counts the items alive
 * at an instant from them) and the ids of its files. Items are inserted only if absent and every
 * update sets values: the project's events handled a second time, in order, leave them as they were.
 */
@ProcessingGroup(ProjectProjection.PROCESSING_GROUP)
public class ProjectItemProjection {

    /** The column of each item file role; only these fixed names reach SQL. */
    private static final Map<FileRole, String> FILE_COLUMNS = Map.of(
            FileRole.MESH_PREVIEW, "preview_file_id", FileRole.MESH_RESULT, "result_file_id",
            FileRole.CALC_STATUS, "status_file_id", FileRole.CALC_RESULT, "result_file_id",
            FileRole.CALC_ITERATIONS, "iterations_file_id", FileRole.CALC_REDUCE, "reduce_file_id",
            FileRole.CALC_INTERNAL, "internal_file_id");

    private final JdbcTemplate jdbc;

    public ProjectItemProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MeshCreated event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO project_meshes (mesh_id, project_uid, user_id, name, status, created_us)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.meshId(), event.projectUid().value(),
                event.userId().value(), event.name(), event.status().json(), Micros.of(at));
    }

    @EventHandler
    void on(MeshStatusChanged event) {
        jdbc.update("UPDATE project_meshes SET status = ? WHERE mesh_id = ?", event.status().json(), event.meshId());
    }

    @EventHandler
    void on(MeshDeleted event, @Timestamp Instant at) {
        jdbc.update("UPDATE project_meshes SET deleted_us = ? WHERE mesh_id = ?", Micros.of(at), event.meshId());
        jdbc.update("UPDATE project_files SET deleted = TRUE WHERE project_uid = ? AND mesh_id = ?",
                event.projectUid().value(), event.meshId());
    }

    @EventHandler
    void on(CalculationCreated event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO project_calculations (job_id, project_uid, user_id, mesh_id, name, status, created_us,"
                        + " has_logs) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE) ON CONFLICT DO NOTHING", event.jobId(), event.projectUid().value(),
                event.userId().value(), event.meshId(), event.name(), event.status().json(), Micros.of(at));
    }

    @EventHandler
    void on(CalculationStatusChanged event) {
        jdbc.update("UPDATE project_calculations SET status = ?, has_logs = ? WHERE job_id = ?",
                event.status().json(), event.hasLogs(), event.jobId());
    }

    @EventHandler
    void on(CalculationDeleted event, @Timestamp Instant at) {
        jdbc.update("UPDATE project_calculations SET deleted_us = ? WHERE job_id = ?", Micros.of(at), event.jobId());
        jdbc.update("UPDATE project_files SET deleted = TRUE WHERE project_uid = ? AND job_id = ?",
                event.projectUid().value(), event.jobId());
    }

    @EventHandler
    void on(ProjectFileAttached event) {
        String column = FILE_COLUMNS.get(event.role());
        if (column == null) {
            return;
        }
        if (event.meshId() != null) {
            jdbc.update("UPDATE project_meshes SET " + column + " = ? WHERE mesh_id = ?", event.fileId(),
                    event.meshId());
        } else {
            jdbc.update("UPDATE project_calculations SET " + column + " = ? WHERE job_id = ?", event.fileId(),
                    event.jobId());
        }
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "project_meshes", "project_calculations");
    }
}
