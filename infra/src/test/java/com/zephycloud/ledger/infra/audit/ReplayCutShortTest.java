package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.messaging.ProcessorPositions;
import com.zephycloud.ledger.infra.support.HistoryWriter;
import com.zephycloud.ledger.infra.support.LedgerHistory;
import com.zephycloud.ledger.infra.support.ReadModelChecksum;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.query.ledger.TransactionProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replay that stops half-way (here: its progress report throws after the first batch, as a
 * crash would cut it) leaves each batch it committed with its token, so that the processor,
 * started again, goes on from there instead of inserting the same rows a second time.
 */
class ReplayCutShortTest extends HistoryWriter {

    private static final String PROCESSOR = TransactionProjection.PROCESSING_GROUP;

    @Autowired
    private SingleStreamReplay replay;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;

    @Test
    void theBatchesDoneKeepTheirTokenAndTheProcessorGoesOnFromThere() throws Exception {
        Instant at = Instant.ofEpochSecond(1_730_000_000L);
        LedgerHistory history = history("cut", at);
        history.add("100", "Credit", at.plusSeconds(1));
        for (int i = 0; i < 20; i++) {
            history.consume("1.25", "Storage", ChargeCategory.STORAGE, ChargeContext.NONE, at.plusSeconds(60L * i + 2));
        }
        store(history);
        rebuildThroughApi(params("projection", PROCESSOR));
        String before = ReadModelChecksum.of(dataSource).get("ledger_transactions");

        StreamingEventProcessor processor = (StreamingEventProcessor) processing.eventProcessor(PROCESSOR).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        long head = ProcessorPositions.head(jdbc);
        AtomicLong firstBatchEnd = new AtomicLong(-1);
        assertThatThrownBy(() -> replay.replay(List.of(processor), head, position -> {
            firstBatchEnd.set(position);
            throw new IllegalStateException("cut short");
        })).hasMessage("cut short");

        assertThat(firstBatchEnd.get()).isPositive();
        assertThat(storedPosition()).isEqualTo(firstBatchEnd.get());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_transactions", Long.class)).isPositive();

        processor.start();
        awaitChecksum(before);
        assertThat(processor.isError()).isFalse();
    }

    private long storedPosition() {
        TokenStore tokens = processing.tokenStore(PROCESSOR);
        return transactions.execute(status -> {
            long lowest = Long.MAX_VALUE;
            for (int segment : tokens.fetchSegments(PROCESSOR)) {
                TrackingToken token = tokens.fetchToken(PROCESSOR, segment);
                lowest = Math.min(lowest, token.position().orElse(-1));
                tokens.releaseClaim(PROCESSOR, segment);
            }
            return lowest;
        });
    }

    private void awaitChecksum(String expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!ReadModelChecksum.of(dataSource).get("ledger_transactions").equals(expected)) {
            assertThat(System.currentTimeMillis()).as("ledger_transactions never came back").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
