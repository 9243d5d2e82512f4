package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The computation was called off before it ran. */
@Revision("1")
public record ComputationCanceled(JobId jobId, String reason, Instant at) {
}
