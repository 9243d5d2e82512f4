package com.zephycloud.ledger.kernel.events.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

import java.util.List;
/**
 * The project was removed, after its meshes and calculations were deleted. {@code storageKeys} are
 * the keys of all its files in {@code storage}, to delete there.
 */
@Revision("1")
public record ProjectRemoved(ProjectUid projectUid, UserId userId, String storage, List<String> storageKeys) {
}
