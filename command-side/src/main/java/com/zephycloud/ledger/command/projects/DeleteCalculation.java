package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a calculation. */
public record DeleteCalculation(@TargetAggregateIdentifier ProjectUid projectUid, long jobId) {
}
