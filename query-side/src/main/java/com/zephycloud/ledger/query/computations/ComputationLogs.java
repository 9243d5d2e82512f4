package com.zephycloud.ledger.query.computations;

public record ComputationLogs(String text) {
}
