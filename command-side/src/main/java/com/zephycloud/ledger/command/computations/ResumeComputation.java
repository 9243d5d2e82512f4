package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The scheduler resumes a paused computation at {@code at}; answers when its next slice begins. */
public record ResumeComputation(@TargetAggregateIdentifier JobId jobId, Instant at) {
}
