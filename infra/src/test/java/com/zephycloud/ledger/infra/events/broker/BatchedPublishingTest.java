package com.zephycloud.ledger.infra.events.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.LedgerApplication;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched sends against a real SQS server (ElasticMQ, in-process) behind a relay that refuses
 * chosen entries of a batch ({@link EntryRefusingSqsRelay}): only refused entries are sent
 * again, a group's later events never overtake a refused one, and a restart in the middle of a
 * processor batch leaves no duplicate in the queue.
 */
class BatchedPublishingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SQSRestServer broker;
    private static EntryRefusingSqsRelay relay;
    private static SqsClient sqs;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = broker.waitUntilStarted().localAddress().getPort();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        relay = new EntryRefusingSqsRelay(port);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        relay.close();
        sqs.close();
        broker.stopAndWait();
    }

    @Test
    void onlyTheRefusedEntryIsSentAgainAndItsAggregatesLaterEventsWaitForIt() throws Exception {
        relay.clear();
        String queueUrl = fifoQueue("partial.fifo");
        String databaseUrl = TestDatabase.newUrl("sqs_partial_");
        // one lane: every aggregate's events share the batches (with several, a lane may hold one aggregate)
        try (ConfigurableApplicationContext application = start(databaseUrl, queueUrl, "--zephy.aws.events.lanes=1")) {
            ApiClient api = admin(application);
            List<Long> users = registerUsers(api, "part", 4);
            publisher(application).shutDown(); // the events below reach it together: batches of several entries
            relay.refuse("refuse-me");
            addCredit(api, users, 12, 5, "refuse-me");
            int callsBefore = relay.batchCalls();
            publisher(application).start();
            awaitRefusals("refuse-me", 2);
            relay.accept("refuse-me");

            List<Map<String, Object>> stored = stored(application);
            List<JsonNode> received = receive(queueUrl, stored.size());
            assertEveryStoredEventOnceInOrderPerAggregate(stored, received);

            List<EntryRefusingSqsRelay.Entry> seen = relay.entries();
            EntryRefusingSqsRelay.Entry marked = seen.stream().filter(entry -> !entry.passed()).findFirst().orElseThrow();
            Map<String, List<EntryRefusingSqsRelay.Entry>> byEvent = seen.stream()
                    .collect(Collectors.groupingBy(EntryRefusingSqsRelay.Entry::eventId));
            assertThat(byEvent.get(marked.eventId())).extracting(EntryRefusingSqsRelay.Entry::passed)
                    .startsWith(false, false).endsWith(true);
            byEvent.forEach((eventId, attempts) -> {
                if (!eventId.equals(marked.eventId())) {
                    assertThat(attempts).as("event %s, sent once", eventId).hasSize(1);
                }
            });
            // on the wire, each aggregate's events reached the server in their order, the refused one included
            Map<String, Long> last = new HashMap<>();
            for (EntryRefusingSqsRelay.Entry entry : seen.stream().filter(EntryRefusingSqsRelay.Entry::passed).toList()) {
                Long before = last.put(entry.aggregateId(), entry.aggregateSequence());
                assertThat(entry.aggregateSequence()).as(entry.aggregateId()).isGreaterThan(before == null ? -1 : before);
            }
            assertThat(relay.batchCalls() - callsBefore).as("calls for %d events", seen.size())
                    .isLessThan(byEvent.size());
        }
    }

    @Test
    void aRestartInTheMiddleOfABatchLeavesNoDuplicateInTheQueue() throws Exception {
        relay.clear();
        String queueUrl = fifoQueue("restart.fifo");
        String databaseUrl = TestDatabase.newUrl("sqs_restart_");
        ConfigurableApplicationContext first = start(databaseUrl, queueUrl);
        List<Long> users;
        try {
            ApiClient api = admin(first);
            users = registerUsers(api, "rest", 4);
            publisher(first).shutDown();
            relay.refuse("hold-me");
            addCredit(api, users, 16, 9, "hold-me");
            publisher(first).start();
            awaitRefusals("hold-me", 2); // the other events of its batch are sent, its position is not stored
        } finally {
            first.close();
        }
        relay.accept("hold-me");
        try (ConfigurableApplicationContext second = start(databaseUrl, queueUrl)) {
            addCredit(admin(second), users, 4, -1, "");
            List<Map<String, Object>> stored = stored(second);
            List<JsonNode> received = receive(queueUrl, stored.size());
            assertEveryStoredEventOnceInOrderPerAggregate(stored, received);
            Map<String, Long> passes = relay.entries().stream().filter(EntryRefusingSqsRelay.Entry::passed)
                    .collect(Collectors.groupingBy(EntryRefusingSqsRelay.Entry::eventId, Collectors.counting()));
            assertThat(passes.values()).as("events sent twice, once before and once after the restart").contains(2L);
        }
    }

    private static ConfigurableApplicationContext start(String databaseUrl, String queueUrl, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + databaseUrl,
                "--zephy.admin.password=" + TestDatabase.ADMIN_PASSWORD,
                "--zephy.service.password=" + TestDatabase.SERVICE_PASSWORD,
                "--zephy.aws.events.enabled=true", "--zephy.aws.region=eu-west-1",
                "--zephy.aws.endpoint=http://127.0.0.1:" + relay.port(), "--zephy.aws.events.queue-url=" + queueUrl,
                "--zephy.aws.events.retry.initial=100ms", "--zephy.aws.events.retry.max=200ms"));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static EventProcessor publisher(ConfigurableApplicationContext application) {
        return application.getBean(EventProcessingConfiguration.class)
                .eventProcessor(EventBrokerPublisher.PROCESSING_GROUP).orElseThrow();
    }

    private static String fifoQueue(String name) {
        return sqs.createQueue(request -> request.queueName(name)
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
    }

    private static ApiClient admin(ConfigurableApplicationContext application) {
        return ApiClient.admin(Integer.parseInt(application.getEnvironment().getProperty("local.server.port")));
    }

    private static List<Long> registerUsers(ApiClient api, String prefix, int count) {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(api.post("/admin/user/new/", params("login", prefix + (char) ('a' + i), "email",
                    prefix + i + "@example.com", "pwd", "secret-password", "rank", "gold", "nbr_coins", "1")).ok().asLong());
        }
        return users;
    }

    /** {@code count} credits over {@code users} in turn; the one at index {@code marked} carries {@code marker}. */
    private static void addCredit(ApiClient api, List<Long> users, int count, int marked, String marker) {
        for (int i = 0; i < count; i++) {
            api.post("/admin/user/credit/add/", params("user_id", users.get(i % users.size()), "nbr_coins", "0.5",
                    "reason", i == marked ? marker : "top-up " + i)).ok();
        }
    }

    private static void awaitRefusals(String marker, int refusals) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (relay.entries().stream().filter(entry -> !entry.passed()).count() < refusals) {
            assertThat(System.nanoTime()).as("refusals of " + marker).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static List<Map<String, Object>> stored(ConfigurableApplicationContext application) {
        return application.getBean(JdbcTemplate.class).queryForList("SELECT event_identifier, aggregate_identifier,"
                + " sequence_number FROM domain_event_entry ORDER BY global_index");
    }

    private static void assertEveryStoredEventOnceInOrderPerAggregate(List<Map<String, Object>> stored,
                                                                      List<JsonNode> received) {
        List<String> receivedIds = received.stream().map(event -> event.get("event_id").asText()).toList();
        assertThat(receivedIds).doesNotHaveDuplicates();
        assertThat(new HashSet<>(receivedIds)).isEqualTo(stored.stream()
                .map(row -> (String) row.get("event_identifier")).collect(Collectors.toSet()));
        Map<String, Long> lastSequence = new HashMap<>();
        for (JsonNode event : received) {
            Long before = lastSequence.put(event.get("aggregate_id").asText(), event.get("aggregate_sequence").asLong());
            assertThat(event.get("aggregate_sequence").asLong()).as(event.get("aggregate_id").asText())
                    .isEqualTo(before == null ? 0 : before + 1);
        }
    }

    /** Receives until {@code expected} distinct events came, then a little longer to catch any repeat. */
    private static List<JsonNode> receive(String queueUrl, int expected) throws Exception {
        List<JsonNode> received = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        long quietUntil = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, quietUntil)) {
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message message : messages) {
                JsonNode event = JSON.readTree(message.body());
                received.add(event);
                distinct.add(event.get("event_id").asText());
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            if (distinct.size() >= expected && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.nanoTime() + 2_000_000_000L;
            }
        }
        return received;
    }
}
