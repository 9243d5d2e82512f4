package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The scheduler paused the running computation at {@code at}, for {@code reason}. Every slice
 * that began before {@code at} is charged; slice {@code nextSlice}, the first one not charged,
 * is not charged while the computation is paused. The seconds already paid and not yet run are
 * kept: they run after the resume, before {@code nextSlice} begins.
 */
@Revision("1")
public record ComputationPaused(JobId jobId, String reason, Instant at, int nextSlice) {
}
