package com.zephycloud.ledger.infra.audit;

/**
 * The first place where the read model tells another story than the events: at the user's
 * {@code sequence}-th event, {@code field} is {@code expected} in the event store (recomputed)
 * and {@code found} in the balance history (null: the row is missing or extra).
 */
public record Divergence(long sequence, Long transactionId, String field, String expected, String found) {
}
