package com.zephycloud.ledger.query.projects;

/** A mesh of a project; dates in UTC epoch seconds, {@code deleteDate} null while it lives. */
public record MeshView(long meshId, String name, String status, long createDate, Long deleteDate,
                       StoredFile previewFile, StoredFile resultFile) {
}
