package com.zephycloud.ledger.infra.audit;

import java.math.BigDecimal;

/** One transaction of a balance history, as the event store or the read model tells it. */
record LedgerLine(long sequence, long transactionId, BigDecimal amount, BigDecimal balanceAfter, long occurredUs) {
}
