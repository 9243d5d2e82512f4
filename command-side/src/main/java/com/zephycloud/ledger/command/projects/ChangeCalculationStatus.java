package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.projects.WorkStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets a calculation's status and, when given, whether it has logs; a change of neither changes nothing. */
public record ChangeCalculationStatus(@TargetAggregateIdentifier ProjectUid projectUid,
                                      long jobId,
                                      WorkStatus status,
                                      Boolean hasLogs) {
}
