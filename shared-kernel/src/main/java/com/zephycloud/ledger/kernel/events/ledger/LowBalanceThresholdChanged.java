package com.zephycloud.ledger.kernel.events.ledger;

import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

/**
 * The balance below which a user's account is low changed from {@code previousThreshold} to
 * {@code threshold}; null is no threshold (cleared, or never set).
 */
@Revision("1")
public record LowBalanceThresholdChanged(UserId userId, Zephycoins previousThreshold, Zephycoins threshold) {
}
