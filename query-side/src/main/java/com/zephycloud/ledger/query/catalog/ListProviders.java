package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;

import java.time.Instant;

/** Providers as they were at {@code at}. */
public record ListProviders(Instant at, Sort sort, Paging paging) {
}
