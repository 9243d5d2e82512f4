package com.zephycloud.ledger.query.projects;

/** One file of a project; {@code deleted} once its mesh, calculation or project is. */
public record ProjectFileView(long fileId, String projectUid, String name, long size, String storageKey,
                              boolean deleted) {
}
