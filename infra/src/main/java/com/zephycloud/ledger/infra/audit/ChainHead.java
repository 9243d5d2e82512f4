package com.zephycloud.ledger.infra.audit;

/**
 * A user's chain head at {@code date} (epoch seconds): the hash of the last link stamped at or
 * before it, at {@code sequence} for transaction {@code transactionId}; before the first link,
 * the genesis hash (64 zeros) with null sequence and transaction.
 */
public record ChainHead(long userId, long date, Long sequence, Long transactionId, Long occurredUs, String hash) {
}
