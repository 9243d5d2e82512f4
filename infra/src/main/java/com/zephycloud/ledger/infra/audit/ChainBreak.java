package com.zephycloud.ledger.infra.audit;

/**
 * Where a user's chain first tells another story than the event store: at the user's
 * {@code sequence}-th event (transaction {@code transactionId}), {@code field} is {@code expected}
 * when recomputed from the events and {@code found} in {@code where} ({@code event_store} when an
 * event contradicts the balance before it, {@code ledger_chain} for the read model,
 * {@code checkpoint N} for a signed head). A null {@code found} is a missing link, a null
 * {@code expected} an extra one.
 */
public record ChainBreak(long sequence, Long transactionId, String field, String expected, String found,
                         String where) {
}
