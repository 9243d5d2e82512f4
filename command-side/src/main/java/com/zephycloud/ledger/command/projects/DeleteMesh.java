package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a mesh; refused while a calculation that is not deleted uses it. */
public record DeleteMesh(@TargetAggregateIdentifier ProjectUid projectUid, long meshId) {
}
