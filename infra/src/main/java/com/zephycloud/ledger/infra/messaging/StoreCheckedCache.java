package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.infra.eventstore.StoredAggregateVersions;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;

import java.util.function.UnaryOperator;

/**
 * An aggregate cache for an instance that is one of several on the same event store: it serves a
 * cached copy only if no event of that aggregate was stored after it, and otherwise drops the copy,
 * so the aggregate loads from the store.
 * <p>
 * A copy that another instance made stale and that accepts a command is caught without this: the
 * append conflicts on the event table's unique key and the command is retried. A stale copy that
 * refuses, or answers without storing anything, is caught by nothing else. The fault harness met
 * both: a job started on one instance was refused {@code finish} by another whose copy still
 * said it was launching, and a billing worker whose copy of a job predated its start would have
 * taken it off the billing schedule as "not running".
 * <p>
 * The check is one indexed lookup per copy served, made by the repository under the aggregate's
 * lock and in the command's transaction, so a copy that passes it is the stored state at that
 * moment and no local command can change it before this one ends.
 */
public final class StoreCheckedCache implements Cache {

    private final Cache copies;
    private final StoredAggregateVersions stored;

    public StoreCheckedCache(Cache copies, StoredAggregateVersions stored) {
        this.copies = copies;
        this.stored = stored;
    }

    @Override
    public <K, V> V get(K key) {
        V value = copies.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && version(entry) < stored.last(key.toString())) {
            copies.remove(key);
            return null;
        }
        return value;
    }

    /**
     * The version of a cached copy. An entry made in this process holds its live aggregate and hands
     * it back as it is (the arguments serve only an entry that was serialized, which an in-memory
     * cache never does); a copy that cannot tell its version counts as stale.
     */
    private static long version(AggregateCacheEntry<?> entry) {
        try {
            EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null,
                    NoSnapshotTriggerDefinition.INSTANCE);
            Long version = aggregate.version();
            return version == null ? -1 : version;
        } catch (RuntimeException notInMemory) {
            return Long.MIN_VALUE;
        }
    }

    @Override
    public void put(Object key, Object value) {
        copies.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return copies.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return copies.remove(key);
    }

    @Override
    public void removeAll() {
        copies.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return copies.containsKey(key);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        copies.computeIfPresent(key, update);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return copies.registerCacheEntryListener(listener);
    }
}
