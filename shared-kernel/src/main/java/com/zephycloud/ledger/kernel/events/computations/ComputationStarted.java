package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The computation runs since {@code startTime}; its first slice begins then. */
@Revision("1")
public record ComputationStarted(JobId jobId, Instant startTime) {
}
