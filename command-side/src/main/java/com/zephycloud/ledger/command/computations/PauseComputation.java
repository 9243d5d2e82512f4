package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The scheduler pauses a running computation at {@code at}. Answers the status the computation
 * is in afterwards: paused, or killed if a slice that began before {@code at} could not be paid.
 */
public record PauseComputation(@TargetAggregateIdentifier JobId jobId, String reason, Instant at) {
}
