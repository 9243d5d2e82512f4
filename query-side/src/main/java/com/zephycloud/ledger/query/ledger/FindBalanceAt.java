package com.zephycloud.ledger.query.ledger;

import java.time.Instant;

/** The balance of a user after every transaction stamped at or before {@code at}. */
public record FindBalanceAt(long userId, Instant at) {
}
