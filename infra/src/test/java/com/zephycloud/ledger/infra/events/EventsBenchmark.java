package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.LedgerApplication;
import com.zephycloud.ledger.infra.support.ApiClient;
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
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static com.zephycloud.ledger.infra.support.ApiClient.params;

/**
 * Figures for docs/benchmarks.md ("Events"): the feed's catch-up rate over 1,000,000 events
 * against a plain sequential read of the event table, and the SQS publisher's rate and delay from
 * command to message received. Run: ./mvnw -B -Pbenchmark verify -pl infra -am -Dtest=EventsBenchmark
 */
@Tag("benchmark")
class EventsBenchmark {

    private static final int FEED_EVENTS = Integer.getInteger("bench.feed.events", 1_000_000);
    private static final int COMMANDS = Integer.getInteger("bench.sqs.commands", 2_000);
    private static final ObjectMapper JSON = new ObjectMapper();

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

            long plainStart = System.nanoTime();
            long plainRows = sequentialRead(application.getBean(DataSource.class));
            double plainSeconds = seconds(plainStart);

            ApiClient service = ApiClient.service(port(application));
            long feedStart = System.nanoTime();
            long feedEvents = 0;
            long after = 0;
            while (true) {
                JsonNode page = service.get("/service/events/list", params("after", after, "limit", 1000)).ok();
                feedEvents += page.get("events").size();
                long next = page.get("next").asLong();
                if (next == after) {
                    break;
                }
                after = next;
            }
            double feedSeconds = seconds(feedStart);

            System.out.printf("%nEVENTS BENCHMARK feed (%s)%n", TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
            System.out.printf("  generated %,d CreditConsumed events by direct batch inserts in %.1f s (%,.0f/s)%n",
                    FEED_EVENTS, insertSeconds, FEED_EVENTS / insertSeconds);
            System.out.printf("  plain sequential read of the event table: %,d rows in %.1f s = %,.0f rows/s%n",
                    plainRows, plainSeconds, plainRows / plainSeconds);
            System.out.printf("  feed catch-up (events/list, limit 1000, over HTTP): %,d events in %.1f s = %,.0f events/s"
                    + " (%.2f x the plain read)%n", feedEvents, feedSeconds, feedEvents / feedSeconds,
                    (feedEvents / feedSeconds) / (plainRows / plainSeconds));
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

    @Test
    void sqsPublishingRateAndDelayFromCommandToMessage() throws Exception {
        SQSRestServer broker = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int brokerPort = broker.waitUntilStarted().localAddress().getPort();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        SqsClient sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + brokerPort))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        String queueUrl = sqs.createQueue(request -> request.queueName("bench-events.fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        try (ConfigurableApplicationContext application = start(freshDatabase("bench_sqs_"),
                "--zephy.aws.events.enabled=true", "--zephy.aws.endpoint=http://127.0.0.1:" + brokerPort,
                "--zephy.aws.events.queue-url=" + queueUrl, "--zephy.aws.events.types=ledger.CreditAdded")) {
            ApiClient admin = ApiClient.admin(port(application));
            List<Long> users = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                users.add(admin.post("/admin/user/new/", params("login", "bench" + (char) ('a' + i), "email",
                        "bench" + i + "@example.com", "pwd", "secret-password", "rank", "gold")).ok().asLong());
            }
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> delays = new ArrayList<>();
            long[] firstLast = {Long.MAX_VALUE, 0};
            Thread receiver = new Thread(() -> {
                while (delays.size() < COMMANDS) {
                    List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                            .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                    long now = System.nanoTime();
                    for (Message message : messages) {
                        try {
                            String reason = JSON.readTree(message.body()).get("payload").get("reason").asText();
                            Long sent = sentAt.get(reason);
                            if (sent != null) {
                                delays.add(now - sent);
                                firstLast[0] = Math.min(firstLast[0], now);
                                firstLast[1] = now;
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    if (!messages.isEmpty()) {
                        sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(messages.stream()
                                .map(m -> software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry.builder()
                                        .id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
                    }
                }
            });
            receiver.start();
            long start = System.nanoTime();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                Thread sender = new Thread(() -> {
                    for (int i = thread; i < COMMANDS; i += 4) {
                        String reason = "bench-" + i;
                        sentAt.put(reason, System.nanoTime());
                        admin.post("/admin/user/credit/add/", params("user_id", users.get(i % users.size()),
                                "nbr_coins", "1", "reason", reason)).ok();
                    }
                });
                senders.add(sender);
                sender.start();
            }
            for (Thread sender : senders) {
                sender.join();
            }
            double commandSeconds = seconds(start);
            receiver.join(300_000);
            List<Long> sorted = delays.stream().sorted().toList();
            System.out.printf("%nEVENTS BENCHMARK SQS publisher (%s, ElasticMQ in-process)%n",
                    TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
            System.out.printf("  %,d credit/add commands from 4 HTTP clients in %.1f s (%,.0f commands/s)%n",
                    COMMANDS, commandSeconds, COMMANDS / commandSeconds);
            System.out.printf("  received %,d messages; publishing rate %,.0f messages/s (first to last received)%n",
                    sorted.size(), sorted.size() / ((firstLast[1] - firstLast[0]) / 1e9));
            System.out.printf("  delay command sent -> message received: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        } finally {
            sqs.close();
            broker.stopAndWait();
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
