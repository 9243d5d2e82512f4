package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;

import java.time.Instant;

/** Port: makes the uid of a new project of {@code login} created at {@code createdAt} (random part included). */
public interface ProjectUidGenerator {

    ProjectUid next(String login, Instant createdAt);
}
