package com.zephycloud.ledger.kernel.events.ledger;

import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

/** Credit was added: transaction {@code transactionId} of {@code +amount}. */
@Revision("1")
public record CreditAdded(UserId userId,
                          TransactionId transactionId,
                          Zephycoins amount,
                          String reason,
                          Zephycoins balanceAfter) implements LedgerEntryRecorded {

    @Override
    public Zephycoins signedAmount() {
        return amount;
    }
}
