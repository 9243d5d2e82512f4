package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An admin stops a pending, launching or running computation. */
public record KillComputation(@TargetAggregateIdentifier JobId jobId, String reason, Instant at) {
}
