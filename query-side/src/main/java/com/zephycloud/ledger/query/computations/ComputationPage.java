package com.zephycloud.ledger.query.computations;

import com.zephycloud.ledger.query.common.Page;

import java.util.List;

public record ComputationPage(List<ComputationSummary> items, long total) implements Page<ComputationSummary> {
}
