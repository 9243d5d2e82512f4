package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.projects.ProjectStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the project's status; setting the current one changes nothing. */
public record ChangeProjectStatus(@TargetAggregateIdentifier ProjectUid projectUid, ProjectStatus status) {
}
