package com.zephycloud.ledger.infra.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;

/**
 * Uses an aggregate's snapshots only when they were taken of its current class. A snapshot names
 * the class it serializes; one taken before that class moved to another package names a class
 * that no longer exists, and Axon would then start the aggregate empty and apply only the events
 * after the snapshot. Skipping such a snapshot rebuilds the aggregate from all its events (the
 * next snapshot is taken of the current class). Snapshots of other aggregate types pass.
 */
public final class CurrentClassSnapshots implements SnapshotFilter {

    private final String aggregateType;
    private final String className;

    public CurrentClassSnapshots(Class<?> aggregateClass) {
        this.aggregateType = aggregateClass.getSimpleName();
        this.className = aggregateClass.getName();
    }

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        return !aggregateType.equals(snapshot.getType()) || className.equals(snapshot.getPayload().getType().getName());
    }
}
