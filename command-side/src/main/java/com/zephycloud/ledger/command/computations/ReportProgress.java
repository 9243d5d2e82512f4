package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

public record ReportProgress(@TargetAggregateIdentifier JobId jobId, BigDecimal progress) {
}
