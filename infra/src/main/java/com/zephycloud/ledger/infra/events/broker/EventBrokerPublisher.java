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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Sends every published event (of the configured types) to the broker, in order per aggregate.
 * It runs on a tracking processor of its own: the events of one processor batch are gathered,
 * and sent in batches to each destination just before the batch's position is stored
 * ({@link DestinationPublisher}); a failure stops the batch, whose position is then not stored.
 * After a restart or an outage it resumes at the stored position: the events of a batch that was
 * partly sent are sent again, and FIFO destinations drop the repeats by event id.
 */
@ProcessingGroup(EventBrokerPublisher.PROCESSING_GROUP)
public class EventBrokerPublisher implements AutoCloseable {

    /** Outbound, not a read model: queries do not wait for it, rebuilds do not replay it (ProcessingGroups). */
    public static final String PROCESSING_GROUP = ProcessingGroups.EVENT_BROKER;

    private static final String GATHERED = EventBrokerPublisher.class.getName() + ".gathered";

    private final StoredEventMapper mapper;
    private final List<DestinationPublisher> destinations;
    private final Set<String> types;
    private final ExecutorService lanes;

    /**
     * {@code types} empty: every published type. {@code lanes}: the threads the destinations send
     * on at once, stopped with the publisher.
     */
    EventBrokerPublisher(StoredEventMapper mapper, List<DestinationPublisher> destinations, Set<String> types,
                         ExecutorService lanes) {
        this.mapper = mapper;
        this.destinations = List.copyOf(destinations);
        this.types = Set.copyOf(types);
        this.lanes = lanes;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message, TrackingToken token) {
        Optional<PublishedEventType> type = mapper.typeOf(payload.getClass().getName());
        if (type.isEmpty() || (!types.isEmpty() && !types.contains(type.get().name()))) {
            return;
        }
        String aggregateId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        long position = token.position().orElseThrow(() -> new IllegalStateException("no position for " + message));
        PublishedEvent event = mapper.fromPayload(type.get(), message.getIdentifier(), position, aggregateId, sequence,
                message.getTimestamp(), payload);
        gathered().add(new OutgoingMessage(event, body(event)));
    }

    /** The events of the processor's current batch; sent when the batch is about to store its position. */
    private List<OutgoingMessage> gathered() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        return batch.getOrComputeResource(GATHERED, key -> {
            List<OutgoingMessage> messages = new ArrayList<>();
            batch.onPrepareCommit(committing -> send(messages));
            return messages;
        });
    }

    private void send(List<OutgoingMessage> messages) {
        try {
            for (DestinationPublisher destination : destinations) {
                destination.send(messages);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopping: the events from position " + messages.get(0).event().position()
                    + " are sent again when the publisher resumes", e);
        }
    }

    @Override
    public void close() {
        lanes.shutdownNow();
    }

    private static String body(PublishedEvent event) {
        try {
            return PublishedPayloads.json().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.eventId(), e);
        }
    }
}
