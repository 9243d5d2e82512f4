package com.zephycloud.ledger.query.computations;

/** The status history of one job, newest first; empty for an unknown job. */
public record ListComputationStatuses(long jobId) {
}
