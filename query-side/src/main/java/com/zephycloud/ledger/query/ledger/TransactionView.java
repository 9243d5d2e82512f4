package com.zephycloud.ledger.query.ledger;

import java.math.BigDecimal;

/** A transaction as {@code transactions/list} shows it; times in UTC epoch seconds. */
public record TransactionView(long id,
                              long userId,
                              String login,
                              String email,
                              BigDecimal amount,
                              String description,
                              long date,
                              String projectUid,
                              Long jobId,
                              Long computingStart,
                              Long computingEnd,
                              String category,
                              Long canceledBy,
                              Long cancels) {
}
