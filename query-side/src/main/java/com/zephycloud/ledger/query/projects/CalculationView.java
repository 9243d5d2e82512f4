package com.zephycloud.ledger.query.projects;

/** A calculation of a project; dates in UTC epoch seconds, {@code deleteDate} null while it lives. */
public record CalculationView(long jobId, String name, String status, long createDate, Long deleteDate, long meshId,
                              StoredFile statusFile, StoredFile resultFile, StoredFile iterationsFile,
                              StoredFile reduceFile, StoredFile internalFile, boolean hasLogs) {
}
