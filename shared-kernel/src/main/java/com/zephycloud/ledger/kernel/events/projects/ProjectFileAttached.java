package com.zephycloud.ledger.kernel.events.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.projects.FileRole;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/**
 * A file was stored for the project under {@code storageKey}; {@code meshId} or {@code jobId}
 * names what it belongs to when its role is a mesh's or a calculation's.
 */
@Revision("1")
public record ProjectFileAttached(ProjectUid projectUid,
                                  UserId userId,
                                  long fileId,
                                  String name,
                                  long size,
                                  String storageKey,
                                  FileRole role,
                                  Long meshId,
                                  Long jobId) {
}
