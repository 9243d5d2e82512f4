package com.zephycloud.ledger.kernel.events.ledger;

import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

/**
 * The most a user's charges may take in one UTC calendar month changed from
 * {@code previousLimit} to {@code limit}; null is no limit (cleared, or never set).
 */
@Revision("1")
public record MonthlySpendLimitChanged(UserId userId, Zephycoins previousLimit, Zephycoins limit) {
}
