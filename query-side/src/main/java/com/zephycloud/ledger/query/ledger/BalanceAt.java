package com.zephycloud.ledger.query.ledger;

import java.math.BigDecimal;

/** {@code lastTransactionId} is null when the user had no transaction yet at that date. */
public record BalanceAt(long userId, long date, BigDecimal balance, Long lastTransactionId) {
}
