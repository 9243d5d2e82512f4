package com.zephycloud.ledger.infra.benchmark;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarized in milliseconds. */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    public double millis(double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }

    /** These samples and {@code other}'s together. */
    public Percentiles plus(Percentiles other) {
        long[] both = Arrays.copyOf(sorted, sorted.length + other.sorted.length);
        System.arraycopy(other.sorted, 0, both, sorted.length, other.sorted.length);
        return new Percentiles(both);
    }

    public int count() {
        return sorted.length;
    }

    @Override
    public String toString() {
        return String.format("p50 %.2f ms, p99 %.2f ms (%d samples)", millis(50), millis(99), sorted.length);
    }
}
