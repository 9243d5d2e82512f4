package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.TransactionId;

import java.util.List;

/**
 * Reverses every listed transaction, or none of them. Answers the ids of the reversal
 * transactions, in the order of {@code transactionIds}.
 */
public record CancelTransactions(List<TransactionId> transactionIds, String reason) {
}
