package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.projects.FileRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records file {@code fileId}, stored under {@code storageKey} in the project's storage; {@code
 * meshId} or {@code jobId} is required by a mesh's or a calculation's role.
 */
public record AttachFile(@TargetAggregateIdentifier ProjectUid projectUid,
                         long fileId,
                         String name,
                         long size,
                         String storageKey,
                         FileRole role,
                         Long meshId,
                         Long jobId) {
}
