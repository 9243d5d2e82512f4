package com.zephycloud.ledger.query.computations;

import java.util.List;

public record ComputationStatusHistory(List<ComputationStatusEntry> items) {
}
