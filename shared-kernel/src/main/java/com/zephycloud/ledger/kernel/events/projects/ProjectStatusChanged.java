package com.zephycloud.ledger.kernel.events.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.projects.ProjectStatus;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/** The project's status changed (both statuses are recorded). */
@Revision("1")
public record ProjectStatusChanged(ProjectUid projectUid,
                                   UserId userId,
                                   ProjectStatus previousStatus,
                                   ProjectStatus status) {
}
