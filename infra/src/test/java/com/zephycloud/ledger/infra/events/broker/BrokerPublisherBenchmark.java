package com.zephycloud.ledger.infra.events.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.LedgerApplication;
import com.zephycloud.ledger.infra.benchmark.Percentiles;
import com.zephycloud.ledger.infra.events.PublishedPayloads;
import com.zephycloud.ledger.infra.events.StoredEventMapper;
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
import org.axonframework.eventhandling.TrackingEventProcessor;
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
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.zephycloud.ledger.infra.support.ApiClient.params;

/**
 * Figures for docs/benchmarks.md ("SQS publisher"), against ElasticMQ in-process, FIFO queues:
 * <ol>
 * <li>the SDK's own batched send rate (one thread, {@code SendMessageBatch} of 10, group = aggregate,
 * deduplication id per message) of {@code bench.sqs.events} envelopes, the baseline;</li>
 * <li>the publisher catching up on the same number of stored events (its processor started once
 * they are stored; timed until its position reaches the head);</li>
 * <li>the delay from a {@code user/credit/add} acknowledged to its message received, at
 * {@code bench.sqs.rate} commands/s for {@code bench.sqs.seconds}.</li>
 * </ol>
 * Run: ./mvnw -B -Pbenchmark verify -pl infra -am -Dtest=BrokerPublisherBenchmark
 */
@Tag("benchmark")
class BrokerPublisherBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.sqs.events", 20_000);
    private static final int SINGLE_SENDS = Integer.getInteger("bench.sqs.single", 1_000);
    private static final int RATE = Integer.getInteger("bench.sqs.rate", 60);
    private static final int SECONDS = Integer.getInteger("bench.sqs.seconds", 30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publisherRateAgainstTheSdksBatchedSendsAndDelayAtSixtyCommandsPerSecond() throws Exception {
        SQSRestServer broker = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int brokerPort = broker.waitUntilStarted().localAddress().getPort();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        SqsClient sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + brokerPort))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        String baselineQueue = fifoQueue(sqs, "bench-baseline.fifo");
        String singleQueue = fifoQueue(sqs, "bench-single.fifo");
        String queueUrl = fifoQueue(sqs, "bench-events.fifo");
        String warmUpQueue = fifoQueue(sqs, "bench-warm-up.fifo");
        try (ConfigurableApplicationContext application = start(brokerPort, queueUrl)) {
            EventProcessingConfiguration processing = application.getBean(EventProcessingConfiguration.class);
            TrackingEventProcessor publisher = processing
                    .eventProcessor(EventBrokerPublisher.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
            // The publisher is started again once the events are stored: a catch-up. The read models
            // stay stopped: the stored events are the publisher's, not theirs.
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
            List<CreditConsumed> payloads = payloads(EVENTS);
            EventTableWriter writer = new EventTableWriter(application.getBean("eventSerializer", Serializer.class));
            Instant old = Instant.now().minusSeconds(3600);
            List<EventTableWriter.Row> rows = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                rows.add(new EventTableWriter.Row(aggregate(i), i / 1000, payloads.get(i), old));
            }
            writer.append(jdbc, rows);
            long head = EventTableWriter.head(jdbc);

            List<SendMessageBatchRequestEntry> entries = entries(application.getBean(StoredEventMapper.class), payloads);
            // untimed first, so that neither timed loop runs on code still being compiled
            sendOneByOne(sqs, warmUpQueue, entries.subList(0, SINGLE_SENDS));
            sendInBatches(sqs, warmUpQueue, entries.subList(0, SINGLE_SENDS * 5));
            double singleRate = sendOneByOne(sqs, singleQueue, entries.subList(0, SINGLE_SENDS));
            double baselineRate = sendInBatches(sqs, baselineQueue, entries);

            long publisherStart = System.nanoTime();
            publisher.start();
            while (position(publisher) < head) {
                Thread.sleep(5);
            }
            double publisherRate = EVENTS / seconds(publisherStart);
            long queued = Long.parseLong(sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            sqs.purgeQueue(request -> request.queueUrl(queueUrl));

            System.out.printf("%nBROKER PUBLISHER BENCHMARK (%s, ElasticMQ in-process, FIFO queues)%n",
                    TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
            System.out.printf("  SDK SendMessage, one per call, one thread: %,d messages, %,.0f messages/s%n",
                    SINGLE_SENDS, singleRate);
            System.out.printf("  baseline, SDK SendMessageBatch of 10, one thread: %,d messages, %,.0f messages/s%n",
                    entries.size(), baselineRate);
            System.out.printf("  publisher catching up on %,d stored events: %,.0f events/s (%,d in the queue)"
                    + " = %.2f x the baseline%n", EVENTS, publisherRate, queued, publisherRate / baselineRate);

        }
        // A new application on a database of its own, with its read models running, as in production.
        try (ConfigurableApplicationContext application = start(brokerPort, queueUrl)) {
            Percentiles delays = delays(ApiClient.admin(Integer.parseInt(
                    application.getEnvironment().getProperty("local.server.port"))), sqs, queueUrl);
            System.out.printf("  delay, credit/add acknowledged -> message received, %d commands/s for %d s: %s,"
                    + " max %.1f ms%n", RATE, SECONDS, delays, delays.millis(100));
        } finally {
            sqs.close();
            broker.stopAndWait();
        }
    }

    private static ConfigurableApplicationContext start(int brokerPort, String queueUrl) {
        return new SpringApplicationBuilder(LedgerApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + TestDatabase.newUrl("bench_sqs_"),
                "--zephy.admin.password=" + TestDatabase.ADMIN_PASSWORD,
                "--zephy.service.password=" + TestDatabase.SERVICE_PASSWORD,
                "--zephy.aws.events.enabled=true", "--zephy.aws.endpoint=http://127.0.0.1:" + brokerPort,
                "--zephy.aws.events.queue-url=" + queueUrl);
    }

    /** SendMessage, one call per message, one thread: messages/s. */
    private static double sendOneByOne(SqsClient sqs, String queue, List<SendMessageBatchRequestEntry> entries) {
        long start = System.nanoTime();
        for (SendMessageBatchRequestEntry entry : entries) {
            sqs.sendMessage(request -> request.queueUrl(queue).messageBody(entry.messageBody())
                    .messageAttributes(entry.messageAttributes()).messageGroupId(entry.messageGroupId())
                    .messageDeduplicationId(entry.messageDeduplicationId()));
        }
        return entries.size() / seconds(start);
    }

    /** SendMessageBatch of 10 in position order, one thread: messages/s. */
    private static double sendInBatches(SqsClient sqs, String queue, List<SendMessageBatchRequestEntry> entries) {
        long start = System.nanoTime();
        for (int from = 0; from < entries.size(); from += 10) {
            List<SendMessageBatchRequestEntry> batch = entries.subList(from, Math.min(entries.size(), from + 10));
            if (!sqs.sendMessageBatch(request -> request.queueUrl(queue).entries(batch)).failed().isEmpty()) {
                throw new IllegalStateException("a batch of the baseline was refused");
            }
        }
        return entries.size() / seconds(start);
    }

    /** Not "user:N": the benchmark registers users of its own later. */
    private static String aggregate(int event) {
        return "stored-user:" + (1 + event % 1000);
    }

    private static String fifoQueue(SqsClient sqs, String name) {
        return sqs.createQueue(request -> request.queueName(name)
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
    }

    private static long position(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0)).min().orElse(0);
    }

    private static List<CreditConsumed> payloads(int count) {
        Instant old = Instant.now().minusSeconds(3600);
        List<CreditConsumed> payloads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long user = 1 + i % 1000;
            payloads.add(new CreditConsumed(UserId.of(user), TransactionId.of(i + 1L), Zephycoins.of("1.25"),
                    "slice " + i, null, ChargeCategory.COMPUTATION, new ChargeContext("project-" + user, (long) i / 60,
                    old, old.plusSeconds(60), BigDecimal.TEN, null, null), Zephycoins.of("100")));
        }
        return payloads;
    }

    /** The publisher's own messages for these payloads: the same bodies, attributes, groups, a new deduplication id. */
    private static List<SendMessageBatchRequestEntry> entries(StoredEventMapper mapper, List<CreditConsumed> payloads)
            throws Exception {
        var type = mapper.typeOf(CreditConsumed.class.getName()).orElseThrow();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            String aggregate = aggregate(i);
            var event = mapper.fromPayload(type, UUID.randomUUID().toString(), i + 1, aggregate, i / 1000,
                    Instant.now(), payloads.get(i));
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i % 10))
                    .messageBody(PublishedPayloads.json().writeValueAsString(event))
                    .messageAttributes(EventSink.attributes(event, value -> software.amazon.awssdk.services.sqs.model
                            .MessageAttributeValue.builder().dataType("String").stringValue(value).build()))
                    .messageGroupId(aggregate).messageDeduplicationId(event.eventId()).build());
        }
        return entries;
    }

    /**
     * {@code RATE} credit/add commands a second from 4 clients, each on its schedule (a late command
     * does not push the next ones back); one consumer long-polls the queue and deletes what it got.
     */
    private static Percentiles delays(ApiClient admin, SqsClient sqs, String queueUrl) throws Exception {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(admin.post("/admin/user/new/", params("login", "bench" + (char) ('a' + i), "email",
                    "bench" + i + "@example.com", "pwd", "secret-password", "rank", "gold")).ok().asLong());
        }
        int commands = RATE * SECONDS;
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, Long> received = new ConcurrentHashMap<>();
        Thread receiver = new Thread(() -> {
            long deadline = System.nanoTime() + (SECONDS + 120) * 1_000_000_000L;
            while (received.size() < commands && System.nanoTime() < deadline) {
                List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                long now = System.nanoTime();
                for (Message message : messages) {
                    try {
                        var payload = JSON.readTree(message.body()).get("payload");
                        if (payload.has("reason")) {
                            received.putIfAbsent(payload.get("reason").asText(), now);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                if (!messages.isEmpty()) {
                    sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(messages.stream()
                            .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                    .receiptHandle(m.receiptHandle()).build()).toList()));
                }
            }
        });
        receiver.start();
        long start = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread sender = new Thread(() -> {
                for (int i = thread; i < commands; i += 4) {
                    long due = start + i * 1_000_000_000L / RATE;
                    long early = due - System.nanoTime();
                    if (early > 0) {
                        try {
                            Thread.sleep(early / 1_000_000, (int) (early % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    String reason = "bench-" + i;
                    admin.post("/admin/user/credit/add/", params("user_id", users.get(i % users.size()),
                            "nbr_coins", "1", "reason", reason)).ok();
                    acknowledged.put(reason, System.nanoTime());
                }
            });
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double sendSeconds = seconds(start);
        receiver.join();
        System.out.printf("%n  %,d credit/add commands in %.1f s (%.1f/s); %,d messages received%n", commands,
                sendSeconds, commands / sendSeconds, received.size());
        return new Percentiles(acknowledged.entrySet().stream().filter(e -> received.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, received.get(e.getKey()) - e.getValue())).toArray());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
