package com.zephycloud.ledger.query.computations;

/** The logs of one job; empty for an unknown job. */
public record FindComputationLogs(long jobId) {
}
