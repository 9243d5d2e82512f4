package com.zephycloud.ledger.infra.support;

import com.zephycloud.ledger.infra.ledger.SequenceIdAllocator;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * Rebuilds projections through {@code audit/rebuild} ({@code params}: none for all of them)
     * and waits until it has finished: heals what other tests did to the read models behind the
     * events' back, before a test compares them with a rebuild of its own.
     */
    protected void rebuildThroughApi(Map<String, Object> params) throws InterruptedException {
        String state = admin().post("/admin/audit/rebuild/", params).ok().get("state").asText();
        while (state.equals("running")) {
            Thread.sleep(50);
            state = admin().get("/admin/audit/rebuild_status/", ApiClient.params()).ok().get("state").asText();
        }
        assertThat(state).isEqualTo("finished");
    }
}
