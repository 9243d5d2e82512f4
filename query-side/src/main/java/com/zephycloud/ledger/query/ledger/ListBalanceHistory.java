package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.query.common.Paging;

import java.time.Instant;

/** A user's transactions in ledger order, stamped in {@code (from, to]} when given. */
public record ListBalanceHistory(long userId, Instant from, Instant to, Paging paging) {
}
