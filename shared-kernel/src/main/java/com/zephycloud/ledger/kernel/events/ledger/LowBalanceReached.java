package com.zephycloud.ledger.kernel.events.ledger;

import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

/**
 * The balance went below the user's low-balance threshold: {@code balance} is less than
 * {@code threshold}. Stored once per crossing, with the transaction that crossed it
 * ({@code transactionId}), or none when a new threshold was set above the balance.
 */
@Revision("1")
public record LowBalanceReached(UserId userId, Zephycoins threshold, Zephycoins balance, TransactionId transactionId) {
}
