package com.zephycloud.ledger.infra.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;

import java.util.Objects;

/**
 * Uses an aggregate's snapshots only when they were taken of its current class in its current
 * shape. A snapshot names the class it serializes and that class's {@code @Revision}. One taken
 * before the class moved to another package names a class that no longer exists, and Axon would
 * then start the aggregate empty and apply only the events after the snapshot; one taken of an
 * earlier revision lacks the fields added since (they would stay at their defaults). Skipping
 * such a snapshot rebuilds the aggregate from all its events (the next snapshot is taken of the
 * current class). Snapshots of other aggregate types pass.
 */
public final class CurrentClassSnapshots implements SnapshotFilter {

    private final String aggregateType;
    private final String className;
    private final String revision;

    public CurrentClassSnapshots(Class<?> aggregateClass) {
        this.aggregateType = aggregateClass.getSimpleName();
        this.className = aggregateClass.getName();
        Revision annotation = aggregateClass.getAnnotation(Revision.class);
        this.revision = annotation == null ? null : annotation.value();
    }

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        if (!aggregateType.equals(snapshot.getType())) {
            return true;
        }
        return className.equals(snapshot.getPayload().getType().getName())
                && Objects.equals(revision, snapshot.getPayload().getType().getRevision());
    }
}
