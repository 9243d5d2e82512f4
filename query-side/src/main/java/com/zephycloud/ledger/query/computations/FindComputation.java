package com.zephycloud.ledger.query.computations;

public record FindComputation(long jobId) {
}
