package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.LedgerApplication;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.infra.support.EventTableWriter;
import com.zephycloud.ledger.infra.support.TestDatabase;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.zephycloud.ledger.infra.support.ApiClient.params;

/**
 * Figures for docs/benchmarks.md ("Events"): the feed's catch-up rate over 1,000,000 events
 * against a plain sequential read of the event table (the broker publisher's figures:
 * {@code BrokerPublisherBenchmark}). Run: ./mvnw -B -Pbenchmark verify -pl infra -am -Dtest=EventsBenchmark
 */
@Tag("benchmark")
class EventsBenchmark {

    private static final int FEED_EVENTS = Integer.getInteger("bench.feed.events", 1_000_000);

    private static ConfigurableApplicationContext start(String database, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database,
                "--zephy.admin.password=" + TestDatabase.ADMIN_PASSWORD,
                "--zephy.service.password=" + TestDatabase.SERVICE_PASSWORD));
        arguments.addAll(Arrays.asList(extra));
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext application) {
        return Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
    }

    private static String freshDatabase(String prefix) {
        return TestDatabase.newUrl(prefix);
    }

    @Test
    void feedCatchUpAgainstASequentialReadOfTheEventTable() throws Exception {
        try (ConfigurableApplicationContext application = start(freshDatabase("bench_feed_"))) {
            // Projections off: the figures are the feed's, not the read models'.
            application.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(EventProcessor::shutDown);
            JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
            EventTableWriter writer = new EventTableWriter(application.getBean("eventSerializer", Serializer.class));
            long insertStart = System.nanoTime();
            Instant old = Instant.now().minusSeconds(3600);
            List<EventTableWriter.Row> batch = new ArrayList<>();
            for (int i = 0; i < FEED_EVENTS; i++) {
                long user = 1 + i % 1000;
                batch.add(new EventTableWriter.Row("user:" + user, i / 1000, new CreditConsumed(UserId.of(user),
                        TransactionId.of(i + 1L), Zephycoins.of("1.25"), "slice " + i, null, ChargeCategory.COMPUTATION,
                        new ChargeContext("project-" + user, (long) i / 60, old, old.plusSeconds(60), BigDecimal.TEN,
                                null, null), Zephycoins.of("100")), old));
                if (batch.size() == 10_000) {
                    writer.append(jdbc, batch);
                    batch.clear();
                }
            }
            writer.append(jdbc, batch);
            double insertSeconds = seconds(insertStart);
            if (TestDatabase.isPostgres()) {
                // The steady state of a table written long ago: without this, the first reads set
                // every row's hint bits and autovacuum went over the new million rows during the
                // measured reads, which moved the plain read between 2.2 and 4.4 s from run to run.
                jdbc.execute("VACUUM ANALYZE domain_event_entry");
                jdbc.execute("CHECKPOINT");
            }

            long plainStart = System.nanoTime();
            long plainRows = sequentialRead(application.getBean(DataSource.class));
            double plainSeconds = seconds(plainStart);

            ApiClient service = ApiClient.service(port(application));
            // A consumer that parses each page into a tree (ApiClient, as the API tests read answers)...
            long treeStart = System.nanoTime();
            double serverMillis = 0;
            long treeEvents = 0;
            for (long after = 0; ; ) {
                ApiResult answer = service.get("/service/events/list", params("after", after, "limit", 1000));
                serverMillis += Double.parseDouble(answer.headers().firstValue("Server-Timing").orElseThrow()
                        .replaceAll(".*dur=", ""));
                JsonNode page = answer.ok();
                treeEvents += page.get("events").size();
                long next = page.get("next").asLong();
                if (next == after) {
                    break;
                }
                after = next;
            }
            double treeSeconds = seconds(treeStart);
            // ...and one that parses each page as it arrives, every token, building nothing
            StreamingFeedConsumer streaming = new StreamingFeedConsumer(port(application), "scheduler",
                    TestDatabase.SERVICE_PASSWORD);
            long feedStart = System.nanoTime();
            long feedEvents = 0;
            for (long after = 0; ; ) {
                StreamingFeedConsumer.Page page = streaming.page(after, 1000);
                feedEvents += page.events();
                if (page.next() == after) {
                    break;
                }
                after = page.next();
            }
            double feedSeconds = seconds(feedStart);
            // the plain read once more: on a shared machine the load moves; the faster of both is the baseline
            long againStart = System.nanoTime();
            sequentialRead(application.getBean(DataSource.class));
            double againSeconds = seconds(againStart);
            double firstSeconds = plainSeconds;
            plainSeconds = Math.min(plainSeconds, againSeconds);

            System.out.printf("%nEVENTS BENCHMARK feed (%s)%n", TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
            System.out.printf("  generated %,d CreditConsumed events by direct batch inserts in %.1f s (%,.0f/s)%n",
                    FEED_EVENTS, insertSeconds, FEED_EVENTS / insertSeconds);
            System.out.printf("  plain sequential read of the event table: %,d rows in %.1f s before the feed, %.1f s after;"
                    + " the faster = %,.0f rows/s%n", plainRows, firstSeconds, againSeconds, plainRows / plainSeconds);
            System.out.printf("  feed catch-up (events/list, limit 1000, over HTTP), pages parsed into trees: %,d events"
                    + " in %.1f s = %,.0f events/s (%.2f x the plain read); server time %.1f s%n", treeEvents,
                    treeSeconds, treeEvents / treeSeconds, (treeEvents / treeSeconds) / (plainRows / plainSeconds),
                    serverMillis / 1000);
            System.out.printf("  feed catch-up (events/list, limit 1000, over HTTP), pages parsed as a stream: %,d events"
                    + " in %.1f s = %,.0f events/s (%.2f x the plain read)%n", feedEvents, feedSeconds,
                    feedEvents / feedSeconds, (feedEvents / feedSeconds) / (plainRows / plainSeconds));
        }
    }

    /** Every column of every row, in position order, as one streaming query. */
    private static long sequentialRead(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("SELECT global_index, event_identifier,"
                    + " aggregate_identifier, sequence_number, time_stamp, payload_type, payload_revision, payload"
                    + " FROM domain_event_entry ORDER BY global_index")) {
                statement.setFetchSize(1000);
                long rows = 0;
                long bytes = 0;
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows++;
                        bytes += result.getBytes(8).length + result.getString(2).length();
                    }
                }
                connection.commit();
                return bytes > 0 ? rows : 0;
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
