package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;

import java.time.Instant;

/** Every user's report over {@code (from, to]}, by user id; deleted users included. */
public record ListUserReports(Instant from, Instant to, Sort sort, Paging paging) {
}
