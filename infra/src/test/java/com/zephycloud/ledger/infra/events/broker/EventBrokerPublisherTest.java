package com.zephycloud.ledger.infra.events.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.LedgerApplication;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.CuttableTcpProxy;
import com.zephycloud.ledger.infra.support.TestDatabase;
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

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher against a real SQS-compatible server (ElasticMQ, in-process) behind a relay the
 * test cuts to simulate a broker outage; the application is restarted mid-stream.
 */
class EventBrokerPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SQSRestServer broker;
    private static CuttableTcpProxy relay;
    private static SqsClient sqs;
    private static String queueUrl;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = broker.waitUntilStarted().localAddress().getPort();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        queueUrl = sqs.createQueue(request -> request.queueName("ledger-events.fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        relay = new CuttableTcpProxy("127.0.0.1", port).start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        relay.close();
        sqs.close();
        broker.stopAndWait();
    }

    private static ConfigurableApplicationContext startApplication(String databaseUrl) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("zephy.admin.password", TestDatabase.ADMIN_PASSWORD);
        properties.put("zephy.service.password", TestDatabase.SERVICE_PASSWORD);
        properties.put("zephy.aws.events.enabled", true);
        properties.put("zephy.aws.region", "eu-west-1");
        properties.put("zephy.aws.endpoint", "http://127.0.0.1:" + relay.port());
        properties.put("zephy.aws.events.queue-url", queueUrl);
        properties.put("zephy.aws.events.retry.initial", "50ms");
        properties.put("zephy.aws.events.retry.max", "500ms");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments);
    }

    private static ApiClient admin(ConfigurableApplicationContext application) {
        return ApiClient.admin(Integer.parseInt(application.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void everyEventReachesTheQueueOnceInOrderPerAggregateAcrossARestartAndAnOutage() throws Exception {
        String databaseUrl = TestDatabase.newUrl("sqs_");
        List<Long> users = new ArrayList<>();

        ConfigurableApplicationContext first = startApplication(databaseUrl);
        ApiClient api = admin(first);
        for (int i = 0; i < 4; i++) {
            users.add(api.post("/admin/user/new/", params("login", "pub" + (char) ('a' + i), "email",
                    "pub" + i + "@example.com", "pwd", "secret-password", "rank", "gold", "nbr_coins", "1")).ok().asLong());
        }
        addCredit(api, users, 20);
        relay.cut();
        addCredit(api, users, 20);
        first.close(); // stopped while its publisher was retrying: at least 20 events not yet sent

        ConfigurableApplicationContext second = startApplication(databaseUrl);
        try {
            addCredit(admin(second), users, 40);
            Thread.sleep(3000); // the broker stays unreachable while the publisher retries
            relay.restore();

            List<Map<String, Object>> stored = second.getBean(JdbcTemplate.class).queryForList(
                    "SELECT event_identifier, aggregate_identifier, sequence_number FROM domain_event_entry"
                            + " ORDER BY global_index");
            List<JsonNode> received = receive(stored.size());

            List<String> receivedIds = received.stream().map(event -> event.get("event_id").asText()).toList();
            assertThat(receivedIds).doesNotHaveDuplicates();
            assertThat(new HashSet<>(receivedIds)).isEqualTo(stored.stream()
                    .map(row -> (String) row.get("event_identifier")).collect(java.util.stream.Collectors.toSet()));
            Map<String, Long> lastSequence = new HashMap<>();
            for (JsonNode event : received) {
                Long before = lastSequence.put(event.get("aggregate_id").asText(), event.get("aggregate_sequence").asLong());
                assertThat(event.get("aggregate_sequence").asLong()).isEqualTo(before == null ? 0 : before + 1);
            }
            assertThat(stored).hasSizeGreaterThanOrEqualTo(4 + 80);
        } finally {
            second.close();
        }
    }

    private static void addCredit(ApiClient api, List<Long> users, int count) {
        for (int i = 0; i < count; i++) {
            api.post("/admin/user/credit/add/", params("user_id", users.get(i % users.size()), "nbr_coins", "0.5",
                    "reason", "top-up " + i)).ok();
        }
    }

    /** Receives until {@code expected} distinct events came, then a little longer to catch any repeat. */
    private static List<JsonNode> receive(int expected) throws Exception {
        List<JsonNode> received = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        long deadline = System.nanoTime() + 120_000_000_000L;
        long quietUntil = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, quietUntil)) {
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages();
            for (Message message : messages) {
                JsonNode event = JSON.readTree(message.body());
                assertThat(message.messageAttributes().get("type").stringValue()).isEqualTo(event.get("type").asText());
                received.add(event);
                distinct.add(event.get("event_id").asText());
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            if (distinct.size() >= expected && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.nanoTime() + 3_000_000_000L;
            }
        }
        return received;
    }
}
