package com.zephycloud.ledger.query.computations;

/** One status of a job: since {@code date} (UTC epoch seconds); {@code reason} for kills, cancels, pauses and resumes. */
public record ComputationStatusEntry(String status, long date, String reason) {
}
