package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.TransactionId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.List;

/**
 * Cancels transactions that may belong to several users. All accounts are loaded in the one unit
 * of work of the command, so their events are stored in one database transaction: all or none.
 */
public class TransactionCancellation {

    private final Repository<UserAccount> accounts;
    private final LedgerEntries ledgerEntries;
    private final TransactionIdGenerator transactionIds;

    public TransactionCancellation(Repository<UserAccount> accounts,
                                   LedgerEntries ledgerEntries,
                                   TransactionIdGenerator transactionIds) {
        this.accounts = accounts;
        this.ledgerEntries = ledgerEntries;
        this.transactionIds = transactionIds;
    }

    @CommandHandler
    public List<TransactionId> handle(CancelTransactions command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("reason is empty: say why the transactions are canceled");
        }
        List<LedgerEntry> entries = CancellationPolicy.check(command.transactionIds(),
                ledgerEntries.find(command.transactionIds()));
        List<TransactionId> reversals = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            TransactionId reversalId = transactionIds.next();
            accounts.load(entry.userId().toString())
                    .execute(account -> account.reverse(entry, reversalId, command.reason()));
            reversals.add(reversalId);
        }
        return reversals;
    }
}
