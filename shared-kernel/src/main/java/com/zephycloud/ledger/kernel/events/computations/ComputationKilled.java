package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The computation was stopped at {@code at}: by an admin, or at a slice boundary because its user
 * could not pay the next slice ({@code unpaid}). {@code reason} says which and why. It is no
 * longer charged.
 */
@Revision("1")
public record ComputationKilled(JobId jobId, String reason, boolean unpaid, Instant at) {
}
