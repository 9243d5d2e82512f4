package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.query.common.Page;

import java.util.List;

public record TransactionPage(List<TransactionView> items, long total) implements Page<TransactionView> {
}
