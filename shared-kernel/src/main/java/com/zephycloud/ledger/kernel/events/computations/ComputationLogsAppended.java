package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.serialization.Revision;

/** Log lines of the computation's workers, appended as given (with their line breaks). */
@Revision("1")
public record ComputationLogsAppended(JobId jobId, String lines) {
}
