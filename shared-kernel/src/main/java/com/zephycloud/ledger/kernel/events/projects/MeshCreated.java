package com.zephycloud.ledger.kernel.events.projects;

import com.zephycloud.ledger.kernel.projects.WorkStatus;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/** A mesh was added to the project. */
@Revision("1")
public record MeshCreated(ProjectUid projectUid, UserId userId, long meshId, String name, WorkStatus status) {
}
