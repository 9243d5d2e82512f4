package com.zephycloud.ledger.infra.eventstore;

import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.EventTableWriter;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.events.users.UserRankChanged;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's engine reads the same events, with the same tokens, as Axon's own engine. */
class TimestampParsingEventStorageEngineTest extends ApiTest {

    @Autowired
    private EventStorageEngine engine;
    @Autowired
    private ConnectionProvider connections;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private EventSchema schema;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;

    @Test
    void tokensTimestampsAndPayloadsAreAxonsIncludingGapsLeftByOpenTransactions() throws Exception {
        assertThat(engine).isInstanceOf(TimestampParsingEventStorageEngine.class);
        EventStorageEngine axons = JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(transactions).schema(schema).eventSerializer(serializer)
                .snapshotSerializer(serializer).build();
        EventTableWriter writer = new EventTableWriter(serializer);
        long start = EventTableWriter.head(jdbc);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long user = 7_000_000 + start;
        writer.append(jdbc, List.of(row(user, 0, now.minus(2, ChronoUnit.DAYS))));
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            // an index taken by a transaction that has not committed: a gap for the events after it
            writer.append(open, row(user + 1, 0, now));
            writer.append(jdbc, List.of(row(user, 1, now), row(user, 2, now.plusMillis(1))));

            GapAwareTrackingToken from = GapAwareTrackingToken.newInstance(start, Collections.emptySortedSet());
            List<TrackedEventMessage<?>> ours = read(engine, from);
            List<TrackedEventMessage<?>> theirs = read(axons, from);

            assertThat(ours).hasSameSizeAs(theirs);
            for (int i = 0; i < ours.size(); i++) {
                assertThat(ours.get(i).trackingToken()).isEqualTo(theirs.get(i).trackingToken());
                assertThat(ours.get(i).getTimestamp()).isEqualTo(theirs.get(i).getTimestamp());
                assertThat(ours.get(i).getPayload()).isEqualTo(theirs.get(i).getPayload());
                assertThat(ours.get(i).getIdentifier()).isEqualTo(theirs.get(i).getIdentifier());
            }
            List<TrackedEventMessage<?>> written = ours.stream()
                    .filter(event -> event.getPayload() instanceof UserRankChanged changed
                            && changed.userId().equals(UserId.of(user)))
                    .toList();
            assertThat(written).hasSize(3);
            assertThat(written.get(0).getTimestamp()).isEqualTo(now.minus(2, ChronoUnit.DAYS));
            assertThat(written.get(2).getTimestamp()).isEqualTo(now.plusMillis(1));
            assertThat(((GapAwareTrackingToken) written.get(2).trackingToken()).getGaps()).isNotEmpty();
            open.rollback();
        }
    }

    private static EventTableWriter.Row row(long user, long sequence, Instant time) {
        return new EventTableWriter.Row("user:" + user, sequence,
                new UserRankChanged(UserId.of(user), Rank.GOLD, Rank.SILVER), time);
    }

    private static List<TrackedEventMessage<?>> read(EventStorageEngine engine, GapAwareTrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            return events.<TrackedEventMessage<?>>map(event -> event).toList();
        }
    }
}
