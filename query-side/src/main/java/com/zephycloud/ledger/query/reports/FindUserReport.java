package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.query.common.Sort;

import java.time.Instant;

/** One user's report over {@code (from, to]}; empty when the user does not exist. */
public record FindUserReport(long userId, Instant from, Instant to, Sort sort) {
}
