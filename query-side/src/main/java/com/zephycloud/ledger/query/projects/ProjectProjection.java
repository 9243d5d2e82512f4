package com.zephycloud.ledger.query.projects;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.events.projects.ProjectCreated;
import com.zephycloud.ledger.kernel.events.projects.ProjectFileAttached;
import com.zephycloud.ledger.kernel.events.projects.ProjectRemoved;
import com.zephycloud.ledger.kernel.events.projects.ProjectStatusChanged;
import com.zephycloud.ledger.kernel.projects.FileRole;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/**
 * The {@code project_versions} and {@code project_files} tables. Status changes and the removal
 * open a new version (for "as of a date" lists); the project's raw and analysed file pointers
 * change the current version in place. A version is keyed by the event that opened it (its place
 * in the project's stream): handled a second time, that event changes nothing; the file pointers
 * are set again by the project's later events, handled again after it.
 */
@ProcessingGroup(ProjectProjection.PROCESSING_GROUP)
public class ProjectProjection {

    public static final String PROCESSING_GROUP = "projects";

    private final JdbcTemplate jdbc;

    public ProjectProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("INSERT INTO project_versions (project_uid, version, user_id, storage, status, created_us, removed,"
                        + " valid_from_us) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?) ON CONFLICT DO NOTHING",
                event.projectUid().value(), version, event.userId().value(), event.storage(), event.status().json(),
                Micros.of(at), Micros.of(at));
    }

    @EventHandler
    void on(ProjectStatusChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        newVersion(event.projectUid().value(), version, at, "status = '" + event.status().json() + "'");
    }

    @EventHandler
    void on(ProjectRemoved event, @SequenceNumber long version, @Timestamp Instant at) {
        newVersion(event.projectUid().value(), version, at, "removed = TRUE");
        jdbc.update("UPDATE project_files SET deleted = TRUE WHERE project_uid = ?", event.projectUid().value());
    }

    @EventHandler
    void on(ProjectFileAttached event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO project_files (file_id, project_uid, name, size, storage_key, role, mesh_id, job_id,"
                        + " attached_us, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE) ON CONFLICT DO NOTHING",
                event.fileId(), event.projectUid().value(), event.name(), event.size(), event.storageKey(),
                event.role().json(), event.meshId(), event.jobId(), Micros.of(at));
        String column = event.role() == FileRole.RAW ? "raw_file_id"
                : event.role() == FileRole.ANALYZED ? "analyzed_file_id" : null;
        if (column != null) {
            jdbc.update("UPDATE project_versions SET " + column + " = ? WHERE project_uid = ? AND valid_to_us IS NULL",
                    event.fileId(), event.projectUid().value());
        }
    }

    /**
     * Closes the current version at {@code at} and opens version {@code version}, a copy of it with
     * {@code change} (an SQL assignment built from our own enum values only).
     */
    private void newVersion(String projectUid, long version, Instant at, String change) {
        if (jdbc.queryForObject("SELECT count(*) FROM project_versions WHERE project_uid = ? AND version = ?",
                Integer.class, projectUid, version) > 0) {
            return; // this event opened it already: handled a second time, it must not close the versions after it
        }
        long micros = Micros.of(at);
        jdbc.update("INSERT INTO project_versions (project_uid, version, user_id, storage, status, created_us, removed,"
                        + " raw_file_id, analyzed_file_id, valid_from_us)"
                        + " SELECT project_uid, ?, user_id, storage, status, created_us, removed, raw_file_id,"
                        + " analyzed_file_id, ? FROM project_versions WHERE project_uid = ? AND valid_to_us IS NULL",
                version, micros, projectUid);
        jdbc.update("UPDATE project_versions SET valid_to_us = ? WHERE project_uid = ? AND valid_to_us IS NULL"
                + " AND version <> ?", micros, projectUid, version);
        jdbc.update("UPDATE project_versions SET " + change + " WHERE project_uid = ? AND version = ?",
                projectUid, version);
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "project_versions", "project_files");
    }
}
