package com.zephycloud.ledger.kernel.events.ledger;

import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

/**
 * A low balance is back at or above the user's threshold: {@code balance} is at least
 * {@code threshold}. Stored once after each {@link LowBalanceReached}, with the transaction that
 * brought it back ({@code transactionId}: a credit or a cancellation), or none when the
 * threshold was lowered to the balance or below.
 */
@Revision("1")
public record BalanceRestored(UserId userId, Zephycoins threshold, Zephycoins balance, TransactionId transactionId) {
}
