package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.infra.eventstore.StoredAggregateVersions;
import org.axonframework.common.caching.Cache;

/**
 * Makes the caches of the cached aggregates: the least recently used copies in memory, each served
 * only while it is as new as the store ({@link StoreCheckedCache}).
 */
public class AggregateCaches {

    private final StoredAggregateVersions stored;

    public AggregateCaches(StoredAggregateVersions stored) {
        this.stored = stored;
    }

    public Cache holding(int capacity) {
        return new StoreCheckedCache(new BoundedLruCache(capacity), stored);
    }
}
