package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;

import java.time.Instant;

/** The machines of one provider as they were at {@code at}. */
public record ListMachines(String provider, Instant at, Sort sort, Paging paging) {
}
