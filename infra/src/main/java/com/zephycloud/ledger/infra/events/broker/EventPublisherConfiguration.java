package com.zephycloud.ledger.infra.events.broker;

import com.zephycloud.ledger.infra.events.EventContract;
import com.zephycloud.ledger.infra.events.StoredEventMapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The optional broker publisher (docs/events.md): off unless {@code zephy.aws.events.enabled}.
 * It sends to an SQS queue, an SNS topic, or both; credentials come from the AWS SDK's default
 * chain (environment, profile, instance role).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "zephy.aws.events.enabled", havingValue = "true")
public class EventPublisherConfiguration {

    @Bean
    public EventBrokerPublisher eventBrokerPublisher(EventContract contract, StoredEventMapper mapper,
                                                     @Value("${zephy.aws.region}") String region,
                                                     @Value("${zephy.aws.endpoint:}") String endpoint,
                                                     @Value("${zephy.aws.events.queue-url:}") String queueUrl,
                                                     @Value("${zephy.aws.events.topic-arn:}") String topicArn,
                                                     @Value("${zephy.aws.events.types:}") List<String> typeNames,
                                                     @Value("${zephy.aws.events.retry.initial}") Duration initial,
                                                     @Value("${zephy.aws.events.retry.max}") Duration max,
                                                     @Value("${zephy.aws.events.retry.window}") Duration window,
                                                     @Value("${zephy.aws.events.lanes}") int lanes) {
        List<EventSink> sinks = new ArrayList<>();
        if (!queueUrl.isBlank()) {
            sinks.add(new SqsEventSink(client(SqsClient.builder(), region, endpoint).build(), queueUrl));
        }
        if (!topicArn.isBlank()) {
            sinks.add(new SnsEventSink(client(SnsClient.builder(), region, endpoint).build(), topicArn));
        }
        if (sinks.isEmpty()) {
            throw new IllegalStateException("zephy.aws.events.enabled is true but neither zephy.aws.events.queue-url"
                    + " nor zephy.aws.events.topic-arn is set");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String name : typeNames) {
            if (name.isBlank()) {
                continue;
            }
            if (contract.byName(name.trim()).isEmpty()) {
                throw new IllegalStateException("zephy.aws.events.types: unknown event type '" + name.trim()
                        + "'; GET /service/events/types lists them");
            }
            types.add(name.trim());
        }
        ExecutorService threads = Executors.newFixedThreadPool(lanes, runnable -> {
            Thread thread = new Thread(runnable, "event-broker-lane");
            thread.setDaemon(true);
            return thread;
        });
        RetryPolicy retry = new RetryPolicy(initial, max, window);
        List<DestinationPublisher> destinations = sinks.stream()
                .map(sink -> new DestinationPublisher(sink, retry, lanes, threads)).toList();
        return new EventBrokerPublisher(mapper, destinations, types, threads);
    }

    /**
     * One thread, one segment: the processor hands the events over in position order, a batch at
     * a time, and the publisher sends each batch before its position is stored; a new publisher
     * starts from the first event. A crash resends at most one batch, which FIFO deduplication
     * drops. A larger batch gives the lanes more to send at once while catching up; under a light
     * load a batch holds what arrived since the last one.
     */
    @Bean
    public ConfigurerModule eventBrokerProcessor(@Value("${zephy.aws.events.batch-size}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                EventBrokerPublisher.PROCESSING_GROUP,
                org.axonframework.config.Configuration::eventStore,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)));
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B client(
            B builder, String region, String endpoint) {
        builder.region(Region.of(region));
        if (!endpoint.isBlank()) {
            ((SdkClientBuilder<?, ?>) builder).endpointOverride(URI.create(endpoint));
        }
        return builder;
    }
}
