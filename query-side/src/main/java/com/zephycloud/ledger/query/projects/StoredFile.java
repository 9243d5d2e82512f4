package com.zephycloud.ledger.query.projects;

/** A file's id and where it is in its project's storage. */
public record StoredFile(long fileId, String storageKey) {
}
