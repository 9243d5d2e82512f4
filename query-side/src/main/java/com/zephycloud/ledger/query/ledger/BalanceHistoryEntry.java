package com.zephycloud.ledger.query.ledger;

import java.math.BigDecimal;

/** One line of a balance history: a transaction and the balance right after it. */
public record BalanceHistoryEntry(long transactionId, long sequence, double date, BigDecimal amount,
                                  BigDecimal balance, String description) {
}
