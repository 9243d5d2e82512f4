package com.zephycloud.ledger.infra.support;

import com.zephycloud.ledger.infra.ledger.SequenceIdAllocator;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/** For API tests that need histories stamped at chosen dates: see {@link LedgerHistory}. */
public abstract class HistoryWriter extends ApiTest {

    @Autowired
    protected SequenceIdAllocator ids;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected TransactionTemplate transactions;

    protected LedgerHistory history(String login, Instant registeredAt) {
        return LedgerHistory.register(ids, unique(login), registeredAt);
    }

    protected LedgerHistory store(LedgerHistory history) {
        return history.store(eventStore, transactions);
    }
}
