package com.zephycloud.ledger.kernel.events.ledger;

import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

/**
 * Transaction {@code canceledTransactionId} was reversed by the new transaction
 * {@code transactionId}, whose amount {@code reversalAmount} is the opposite of the original's
 * signed amount. The reversal keeps the original's category and context (project, job, slice) so
 * that reports net them out; {@code category} is null when the original was a credit.
 */
@Revision("1")
public record TransactionCanceled(UserId userId,
                                  TransactionId transactionId,
                                  TransactionId canceledTransactionId,
                                  Zephycoins reversalAmount,
                                  String reason,
                                  ChargeCategory category,
                                  ChargeContext context,
                                  Zephycoins balanceAfter) implements LedgerEntryRecorded {

    @Override
    public Zephycoins signedAmount() {
        return reversalAmount;
    }
}
