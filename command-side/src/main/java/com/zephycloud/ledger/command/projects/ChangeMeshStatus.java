package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.projects.WorkStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets a mesh's status; setting the current one changes nothing. */
public record ChangeMeshStatus(@TargetAggregateIdentifier ProjectUid projectUid, long meshId, WorkStatus status) {
}
