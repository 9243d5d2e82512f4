package com.zephycloud.ledger.infra.operations;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value computed at most once per {@code maxAge}: one scrape reads several gauges of the same
 * query (a count and an age, or every processor's lag), which should cost one query, not one each.
 */
final class RecentValue<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private final long maxAgeNanos;
    private T value;
    private long computedAt;

    RecentValue(Supplier<T> compute, Duration maxAge) {
        this.compute = compute;
        this.maxAgeNanos = maxAge.toNanos();
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - computedAt > maxAgeNanos) {
            value = compute.get();
            computedAt = now;
        }
        return value;
    }
}
