package com.zephycloud.ledger.kernel.events.ledger;

import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

/**
 * Credit was spent: transaction {@code transactionId} of {@code -amount} ({@code amount} is
 * positive). {@code details} is the caller's JSON text, kept as given.
 */
@Revision("1")
public record CreditConsumed(UserId userId,
                             TransactionId transactionId,
                             Zephycoins amount,
                             String description,
                             String details,
                             ChargeCategory category,
                             ChargeContext context,
                             Zephycoins balanceAfter) implements LedgerEntryRecorded {

    @Override
    public Zephycoins signedAmount() {
        return amount.negate();
    }
}
