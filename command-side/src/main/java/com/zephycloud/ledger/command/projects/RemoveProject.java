package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes the project: deletes its meshes and calculations, then schedules the deletion of its files. */
public record RemoveProject(@TargetAggregateIdentifier ProjectUid projectUid) {
}
