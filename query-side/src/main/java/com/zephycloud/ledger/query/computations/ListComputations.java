package com.zephycloud.ledger.query.computations;

import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;

/** Computations, optionally of one user, one project, in one status (all filters may be null). */
public record ListComputations(Long userId, String projectUid, String status, Sort sort, Paging paging) {
}
