package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The computation paused at {@code pausedAt} runs again since {@code at}. Its slices are moved
 * by the time it was paused: slice {@code nextSlice}, the next one to charge, begins at
 * {@code nextSliceStart} and is charged then, as every slice is at its start.
 */
@Revision("1")
public record ComputationResumed(JobId jobId, Instant pausedAt, Instant at, int nextSlice, Instant nextSliceStart) {
}
