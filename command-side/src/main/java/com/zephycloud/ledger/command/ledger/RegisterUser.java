package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;

/**
 * Opens an account. {@code initialCoins}, {@code initialTransactionId} and {@code reason} are
 * null when the account starts empty.
 */
public record RegisterUser(UserId userId,
                           String login,
                           String email,
                           String passwordHash,
                           Rank rank,
                           Zephycoins initialCoins,
                           TransactionId initialTransactionId,
                           String reason) {
}
