package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;

/**
 * Port: what belongs to which project, across all projects. A storage key belongs to one project
 * only (so that removing a project can never delete another project's file) and a job computes
 * one calculation only. Written in the same database transaction as the event that claims it.
 */
public interface ProjectRegister {

    /** @throws IllegalStateException when {@code storageKey} of {@code storage} is already another file's */
    void claimStorageKey(String storage, String storageKey, ProjectUid projectUid, long fileId);

    /** @throws IllegalStateException when job {@code jobId} already has a calculation */
    void claimJob(long jobId, ProjectUid projectUid);
}
