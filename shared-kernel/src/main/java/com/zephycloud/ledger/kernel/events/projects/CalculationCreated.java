package com.zephycloud.ledger.kernel.events.projects;

import com.zephycloud.ledger.kernel.projects.WorkStatus;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/** A calculation was added to the project, computed by job {@code jobId} on mesh {@code meshId}. */
@Revision("1")
public record CalculationCreated(ProjectUid projectUid,
                                 UserId userId,
                                 long jobId,
                                 long meshId,
                                 String name,
                                 WorkStatus status) {
}
