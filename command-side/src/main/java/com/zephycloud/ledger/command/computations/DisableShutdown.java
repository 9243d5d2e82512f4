package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DisableShutdown(@TargetAggregateIdentifier JobId jobId) {
}
