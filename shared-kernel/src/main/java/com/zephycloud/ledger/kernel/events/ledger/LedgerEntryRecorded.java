package com.zephycloud.ledger.kernel.events.ledger;

import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;

/**
 * Every event that writes one transaction into a user's ledger. The balance identity reads
 * from this: {@code balanceAfter} of an entry = {@code balanceAfter} of the previous entry +
 * {@link #signedAmount()}.
 */
public interface LedgerEntryRecorded {

    UserId userId();

    TransactionId transactionId();

    /** Positive when credit comes in, negative when it goes out. */
    Zephycoins signedAmount();

    Zephycoins balanceAfter();
}
