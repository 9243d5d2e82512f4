package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The scheduler began launching the computation's workers. */
@Revision("1")
public record ComputationLaunching(JobId jobId, Instant at) {
}
