package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record CancelComputation(@TargetAggregateIdentifier JobId jobId, String reason, Instant at) {
}
