package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.TransactionId;

import java.util.Collection;
import java.util.Map;

/**
 * Port: the command side's own register of transactions, written in the same database
 * transaction as the events that create or cancel them, so it never lags. It also refuses, at
 * write time, a second cancellation of one transaction (the guard against two concurrent
 * cancellations that both read "not canceled").
 */
public interface LedgerEntries {

    /** The known entries among {@code ids}; unknown ids are absent from the map. */
    Map<TransactionId, LedgerEntry> find(Collection<TransactionId> ids);
}
