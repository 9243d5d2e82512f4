package com.zephycloud.ledger.infra.events.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.zephycloud.ledger.infra.events.PublishedEvent;
import com.zephycloud.ledger.infra.events.PublishedEventType;
import com.zephycloud.ledger.infra.events.PublishedPayloads;
import com.zephycloud.ledger.infra.events.StoredEventMapper;
import com.zephycloud.ledger.infra.messaging.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends every published event (of the configured types) to the broker, in position order. It
 * runs on a tracking processor of its own: its position is stored in the token table, so after a
 * restart or an outage it resumes where it stopped. An event is sent again if the application
 * stopped before its position was stored; FIFO destinations drop the repeat by event id.
 */
@ProcessingGroup(EventBrokerPublisher.PROCESSING_GROUP)
public class EventBrokerPublisher {

    /** Outbound, not a read model: queries do not wait for it, rebuilds do not replay it (ProcessingGroups). */
    public static final String PROCESSING_GROUP = ProcessingGroups.EVENT_BROKER;

    private static final Logger log = LoggerFactory.getLogger(EventBrokerPublisher.class);

    private final StoredEventMapper mapper;
    private final List<EventSink> sinks;
    private final Set<String> types;
    private final RetryPolicy retry;

    /** {@code types} empty: every published type. */
    public EventBrokerPublisher(StoredEventMapper mapper, List<EventSink> sinks, Set<String> types, RetryPolicy retry) {
        this.mapper = mapper;
        this.sinks = List.copyOf(sinks);
        this.types = Set.copyOf(types);
        this.retry = retry;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message, TrackingToken token) throws InterruptedException {
        Optional<PublishedEventType> type = mapper.typeOf(payload.getClass().getName());
        if (type.isEmpty() || (!types.isEmpty() && !types.contains(type.get().name()))) {
            return;
        }
        String aggregateId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        long position = token.position().orElseThrow(() -> new IllegalStateException("no position for " + message));
        PublishedEvent event = mapper.fromPayload(type.get(), message.getIdentifier(), position, aggregateId, sequence,
                message.getTimestamp(), payload);
        String body = body(event);
        for (EventSink sink : sinks) {
            sendWithRetry(sink, event, body);
        }
    }

    private void sendWithRetry(EventSink sink, PublishedEvent event, String body) throws InterruptedException {
        long deadline = System.nanoTime() + retry.window().toNanos();
        Duration wait = retry.initial();
        for (int attempt = 1; ; attempt++) {
            try {
                sink.send(event, body);
                if (attempt > 1) {
                    log.info("event {} at position {} sent after {} attempts", event.eventId(), event.position(), attempt);
                }
                return;
            } catch (RuntimeException failure) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("stopping: event at position " + event.position() + " is sent again"
                            + " when the publisher resumes");
                }
                if (System.nanoTime() + wait.toNanos() > deadline) {
                    throw new IllegalStateException("cannot send event at position " + event.position()
                            + " to the broker; the publisher stops here and retries from this position", failure);
                }
                log.warn("sending event at position {} failed (attempt {}), retrying in {}: {}", event.position(),
                        attempt, wait, failure.toString());
                Thread.sleep(wait.toMillis());
                wait = retry.after(wait);
            }
        }
    }

    private static String body(PublishedEvent event) {
        try {
            return PublishedPayloads.json().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.eventId(), e);
        }
    }
}
