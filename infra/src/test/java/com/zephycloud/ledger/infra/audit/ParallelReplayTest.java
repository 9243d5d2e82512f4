package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.messaging.ProcessorPositions;
import com.zephycloud.ledger.infra.messaging.StreamingProcessors;
import com.zephycloud.ledger.infra.support.HistoryWriter;
import com.zephycloud.ledger.infra.support.LedgerHistory;
import com.zephycloud.ledger.infra.support.ReadModelChecksum;
import com.zephycloud.ledger.jdbc.SqlDialect;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replay's projections on several threads, with batches small enough that each projection
 * takes many of them while the others are at other batches: every read model comes out as the
 * live projections built it, and a replay cut short leaves each projection at a batch it
 * committed with its rows, from which its processor goes on without handling an event twice.
 */
class ParallelReplayTest extends HistoryWriter {

    private static final int BATCH = 4;
    private static final int THREADS = 3;

    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private TransactionManager axonTransactions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SqlDialect dialect;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private ProjectionRebuild rebuild;

    private Map<String, String> before;
    private List<StreamingEventProcessor> projections;

    @BeforeEach
    void historyRebuiltOnce() throws InterruptedException {
        Instant at = Instant.ofEpochSecond(1_731_000_000L);
        for (String login : List.of("lanes.a", "lanes.b", "lanes.c")) {
            LedgerHistory history = history(login, at);
            history.add("500", "Credit", at.plusSeconds(1));
            for (int i = 0; i < 15; i++) {
                history.consume("1.5", "Storage", ChargeCategory.STORAGE, ChargeContext.NONE, at.plusSeconds(90L * i + 2));
            }
            store(history);
        }
        rebuildThroughApi(params());
        before = ReadModelChecksum.of(dataSource);
        projections = new ArrayList<>(rebuild.projections().values());
    }

    @Test
    void smallBatchesOnSeveralThreadsRebuildEveryReadModelAsItWas() throws Exception {
        long head = ProcessorPositions.head(jdbc);
        List<Long> reported = new ArrayList<>();
        stopAndReset();
        try {
            replay().replay(projections, head, reported::add);
        } finally {
            projections.forEach(StreamingEventProcessor::start);
        }

        assertThat(reported.size()).as("batches reported").isGreaterThan(THREADS * 2);
        assertThat(reported).isSorted().last().isEqualTo(head);
        assertThat(ReadModelChecksum.of(dataSource)).isEqualTo(before);
    }

    @Test
    void aReplayCutShortGoesOnFromEachProjectionsLastBatch() throws Exception {
        long head = ProcessorPositions.head(jdbc);
        AtomicInteger reports = new AtomicInteger();
        stopAndReset();
        try {
            assertThatThrownBy(() -> replay().replay(projections, head, position -> {
                if (reports.incrementAndGet() == 2) {
                    throw new IllegalStateException("cut short");
                }
            })).hasMessage("cut short");
        } finally {
            projections.forEach(StreamingEventProcessor::start);
        }

        long deadline = System.currentTimeMillis() + 30_000;
        while (!ReadModelChecksum.of(dataSource).equals(before)) {
            assertThat(System.currentTimeMillis()).as("the read models never came back").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(projections).noneMatch(StreamingEventProcessor::isError);
    }

    private SingleStreamReplay replay() {
        return new SingleStreamReplay(storage, processing, axonTransactions, jdbc, dialect, BATCH, THREADS);
    }

    private void stopAndReset() {
        StreamingProcessors.stopTogether(projections);
        projections.forEach(StreamingEventProcessor::resetTokens);
    }
}
