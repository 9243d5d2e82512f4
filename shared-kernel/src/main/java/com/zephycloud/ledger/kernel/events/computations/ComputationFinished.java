package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The computation ended normally at {@code endTime}; it is no longer charged. */
@Revision("1")
public record ComputationFinished(JobId jobId, Instant endTime) {
}
