package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;

/**
 * What the command side knows of one past transaction, enough to reverse it.
 * {@code category} is null for credits; {@code reversal} is true for a transaction that itself
 * reverses another; {@code canceled} once it has been reversed.
 */
public record LedgerEntry(TransactionId id,
                          UserId userId,
                          Zephycoins signedAmount,
                          ChargeCategory category,
                          ChargeContext context,
                          boolean reversal,
                          boolean canceled) {
}
