package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.query.common.Page;

import java.util.List;

public record BalanceHistoryPage(List<BalanceHistoryEntry> items, long total) implements Page<BalanceHistoryEntry> {
}
