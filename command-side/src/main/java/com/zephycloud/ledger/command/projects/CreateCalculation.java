package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds the calculation computed by job {@code jobId} on mesh {@code meshId}, with status pending. */
public record CreateCalculation(@TargetAggregateIdentifier ProjectUid projectUid,
                                long jobId,
                                long meshId,
                                String name) {
}
