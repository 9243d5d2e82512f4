package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.messaging.ProcessorPositions;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.ProcessorTokens;
import com.zephycloud.ledger.query.audit.LedgerChainProjection;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link records its own event's position, also when the event reaches the projection through a
 * gap (committed after events of higher positions, as under concurrent writes): the processor's
 * token then holds the highest position seen, which is not the event's. Made here by handing the
 * chain's processor a token that has seen up to the head with every position of a user's history
 * still a gap, after removing that user's links.
 */
class LedgerChainPositionsTest extends ApiTest {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private TokenStore tokens;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void linksProjectedThroughAGapRecordTheirOwnEventPositions() throws Exception {
        long before = ProcessorPositions.head(jdbc);
        long userId = newUser(unique("gap"), "100");
        for (int i = 0; i < 5; i++) {
            admin().post("/admin/user/consume/", params("user_id", userId, "amount", "1.5", "description", "run")).ok();
        }
        newUser(unique("head"), "1"); // the head, which a token must hold outside its gaps
        long head = ProcessorPositions.head(jdbc);
        StreamingEventProcessor chain = (StreamingEventProcessor) processing
                .eventProcessor(LedgerChainProjection.PROCESSING_GROUP).orElseThrow();
        ProcessorTokens.awaitCaughtUp(chain, head, System.currentTimeMillis() + 30_000);
        assertThat(linkPositions(userId)).isEqualTo(eventPositions(userId)).hasSize(6);

        chain.shutdownAsync().join();
        try {
            jdbc.update("DELETE FROM ledger_chain WHERE user_id = ?", userId);
            Set<Long> gaps = LongStream.range(before + 1, head).boxed().collect(Collectors.toSet());
            ProcessorTokens.storeForEverySegment(tokens, transactions, chain.getName(),
                    GapAwareTrackingToken.newInstance(head, gaps));
        } finally {
            chain.start();
        }
        awaitLinks(userId, 6);

        assertThat(linkPositions(userId)).isEqualTo(eventPositions(userId));
    }

    /** Per place in the user's stream, the position its link records. */
    private Map<Long, Long> linkPositions(long userId) {
        return jdbc.query("SELECT user_seq, event_position FROM ledger_chain WHERE user_id = ?",
                        (row, n) -> Map.entry(row.getLong(1), row.getLong(2)), userId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Per place in the user's stream, the position of its ledger event in the store. */
    private Map<Long, Long> eventPositions(long userId) {
        List<String> ledgerTypes = List.of("CreditAdded", "CreditConsumed");
        return jdbc.query("SELECT sequence_number, global_index, payload_type FROM domain_event_entry"
                                + " WHERE aggregate_identifier = ?",
                        (row, n) -> new Object[] {row.getLong(1), row.getLong(2), row.getString(3)}, "user:" + userId)
                .stream()
                .filter(row -> ledgerTypes.stream().anyMatch(type -> ((String) row[2]).endsWith("." + type)))
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    }

    private void awaitLinks(long userId, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (jdbc.queryForObject("SELECT count(*) FROM ledger_chain WHERE user_id = ?", Long.class, userId) < count) {
            assertThat(System.currentTimeMillis()).as("links of user " + userId).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
