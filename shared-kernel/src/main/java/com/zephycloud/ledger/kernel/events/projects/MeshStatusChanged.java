package com.zephycloud.ledger.kernel.events.projects;

import com.zephycloud.ledger.kernel.projects.WorkStatus;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/** A mesh's status changed. */
@Revision("1")
public record MeshStatusChanged(ProjectUid projectUid,
                                UserId userId,
                                long meshId,
                                WorkStatus previousStatus,
                                WorkStatus status) {
}
