package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record FinishComputation(@TargetAggregateIdentifier JobId jobId, Instant at) {
}
