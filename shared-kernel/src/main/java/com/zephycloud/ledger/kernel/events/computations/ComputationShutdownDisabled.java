package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.serialization.Revision;

/** An admin asked that the computation's workers stay up after it ends, to debug them. */
@Revision("1")
public record ComputationShutdownDisabled(JobId jobId) {
}
