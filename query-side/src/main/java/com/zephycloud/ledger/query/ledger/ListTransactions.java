package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;

/** Transactions, each filter optional (null = any). */
public record ListTransactions(Long userId, String projectUid, Long jobId, String description, Sort sort,
                               Paging paging) {
}
