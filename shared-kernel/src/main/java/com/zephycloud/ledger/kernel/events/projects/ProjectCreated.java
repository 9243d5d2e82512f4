package com.zephycloud.ledger.kernel.events.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.projects.ProjectStatus;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/** A project was opened for a user, its files to be kept in the storage named {@code storage}. */
@Revision("1")
public record ProjectCreated(ProjectUid projectUid, UserId userId, String storage, ProjectStatus status) {
}
