package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Charges slice {@code sliceNumber} of a running computation if it is due at {@code at} and not
 * charged yet. Sent by the billing scheduler; safe to repeat. Answers what happened.
 */
public record ChargeSlice(@TargetAggregateIdentifier JobId jobId, long sliceNumber, Instant at) {
}
