package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets, clears or keeps the user's monthly spend limit and low-balance threshold, both at once;
 * answers the account's {@link AccountLimits} after it.
 */
public record SetAccountLimits(@TargetAggregateIdentifier UserId userId,
                               LimitSetting monthlySpendLimit,
                               LimitSetting lowBalanceThreshold) {
}
