package com.zephycloud.ledger.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The event storage as the embedded event store's producer reads it: a read of the head
 * ({@code mayBlock}) starts at least {@code interval} after the previous one began; everything
 * else goes straight through.
 * <p>
 * The producer reads the head again as soon as its last read found events, and it is woken by
 * every commit of this instance. Under a steady write load it therefore never rests: measured at
 * about a thousand reads a second (each two queries and a commit) while consumptions were
 * committed in groups, an eighth of the server's CPU and as many database round trips as the
 * writes themselves. The projections it feeds look for new events at most every
 * {@code zephy.projections.min-wait-for-events} anyway ({@link EventArrivals}), so a pause far
 * shorter than that makes the reads gather the same events in fewer, larger batches and delays
 * no one by more than the pause.
 */
public class PacedTailReads implements EventStorageEngine {

    private final EventStorageEngine storage;
    private final long intervalNanos;
    private long lastStart = System.nanoTime() - Long.MAX_VALUE / 2;

    public PacedTailReads(EventStorageEngine storage, Duration interval) {
        this.storage = storage;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (mayBlock) {
            pace();
        }
        return storage.readEvents(trackingToken, mayBlock);
    }

    /** Waits for the rest of the interval since the previous head read began (one producer thread calls this). */
    private synchronized void pace() {
        long wait;
        while ((wait = lastStart + intervalNanos - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(this, wait);
        }
        lastStart = System.nanoTime();
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        storage.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        storage.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return storage.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return storage.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return storage.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }
}
