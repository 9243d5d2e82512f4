package com.zephycloud.ledger.kernel.events.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/** A mesh was deleted; its files no longer count in the project's size, and it is no longer charged for storage. */
@Revision("1")
public record MeshDeleted(ProjectUid projectUid, UserId userId, long meshId) {
}
