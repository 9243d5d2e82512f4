package com.zephycloud.ledger.kernel.events.projects;

import com.zephycloud.ledger.kernel.projects.WorkStatus;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/** A calculation's status changed; {@code hasLogs} tells whether its computation has logs. */
@Revision("1")
public record CalculationStatusChanged(ProjectUid projectUid,
                                       UserId userId,
                                       long jobId,
                                       WorkStatus previousStatus,
                                       WorkStatus status,
                                       boolean hasLogs) {
}
