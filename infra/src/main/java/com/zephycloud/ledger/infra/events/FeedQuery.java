package com.zephycloud.ledger.infra.events;

import java.time.Instant;
import java.util.Set;

/**
 * Which events a consumer asks for: those after position {@code after}, at most {@code limit},
 * of the given {@code types} (empty: all), concerning {@code userId} and/or {@code jobId} (null:
 * any), stamped at or after {@code since} (null: any time).
 */
public record FeedQuery(long after, int limit, Set<String> types, Long userId, Long jobId, Instant since) {

    public FeedQuery {
        types = Set.copyOf(types);
    }

    public static FeedQuery all(long after, int limit) {
        return new FeedQuery(after, limit, Set.of(), null, null, null);
    }

    public FeedQuery after(long position) {
        return new FeedQuery(position, limit, types, userId, jobId, since);
    }

    /** True when some events after {@code after} may be left out (a filter), false when all are answered. */
    boolean filtered() {
        return !types.isEmpty() || userId != null || jobId != null || since != null;
    }
}
