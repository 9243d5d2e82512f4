package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The computation runs since {@code startTime}, which is not after {@code at} (now). */
public record StartComputation(@TargetAggregateIdentifier JobId jobId, Instant startTime, Instant at) {
}
