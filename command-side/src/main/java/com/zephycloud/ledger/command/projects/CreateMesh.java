package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds mesh {@code meshId} (a new id) to the project, with status pending. */
public record CreateMesh(@TargetAggregateIdentifier ProjectUid projectUid, long meshId, String name) {
}
