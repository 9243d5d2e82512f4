package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.command.projects.ProjectRegister;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The storage key and job registers of projects; their primary keys are the guard. */
@Component
public class JdbcProjectRegister implements ProjectRegister {

    private final JdbcTemplate jdbc;

    public JdbcProjectRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claimStorageKey(String storage, String storageKey, ProjectUid projectUid, long fileId) {
        try {
            jdbc.update("INSERT INTO project_storage_key (storage, storage_key, project_uid, file_id)"
                            + " VALUES (?, ?, ?, ?)",
                    storage, storageKey, projectUid.value(), fileId);
        } catch (DuplicateKeyException taken) {
            throw new IllegalStateException("storage key '" + storageKey + "' of storage '" + storage
                    + "' is already the key of another file");
        }
    }

    @Override
    public void claimJob(long jobId, ProjectUid projectUid) {
        try {
            jdbc.update("INSERT INTO project_job (job_id, project_uid) VALUES (?, ?)", jobId, projectUid.value());
        } catch (DuplicateKeyException taken) {
            throw new IllegalStateException("job " + jobId + " already has a calculation");
        }
    }
}
