package com.zephycloud.ledger.infra.projects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Mesh and file ids from database sequences, so that several instances never hand out the same id. */
@Component
public class ProjectIdAllocator {

    private final JdbcTemplate jdbc;

    public ProjectIdAllocator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long nextMeshId() {
        return jdbc.queryForObject("SELECT nextval('mesh_id_seq')", Long.class);
    }

    public long nextFileId() {
        return jdbc.queryForObject("SELECT nextval('file_id_seq')", Long.class);
    }
}
