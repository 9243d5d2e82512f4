package com.zephycloud.ledger.kernel.events.ledger;

import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

/**
 * An admin took credit back (the dashboard's "credits removed"): transaction {@code transactionId}
 * of {@code -amount}. Not a consumption: nothing was bought, so reports of spending and benefits
 * leave it out, while the balance and the user's ledger show it.
 */
@Revision("1")
public record CreditRemoved(UserId userId,
                            TransactionId transactionId,
                            Zephycoins amount,
                            String reason,
                            Zephycoins balanceAfter) implements LedgerEntryRecorded {

    @Override
    public Zephycoins signedAmount() {
        return amount.negate();
    }
}
