package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** The scheduler's estimate of the computation's progress, between 0 and 1. */
@Revision("1")
public record ComputationProgressed(JobId jobId, BigDecimal progress) {
}
