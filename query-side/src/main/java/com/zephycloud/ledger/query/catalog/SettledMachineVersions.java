package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.query.common.Micros;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Machine versions that ended long enough ago to be final, kept in memory, so that
 * {@code machines/show} in the catalog's past needs no database round trip.
 *
 * <p>Why such a version is final: no catalog change takes effect before the request that makes
 * it (it cannot be back-dated), and automatic repricing takes effect when its cause does. So once
 * a version ended more than {@code settleDelay} ago, where {@code settleDelay} bounds the time a
 * change takes from its request to the read model, every event that could still split, end or
 * remove it is already in the read model. Nothing has to tell an instance about new events: what it
 * keeps can no longer change. That holds for any number of instances, each with its own copy,
 * filled from the read model as it is asked. A version still valid, or ended within
 * {@code settleDelay}, is read from the database every time.
 *
 * <p>The one exception is a rebuild: while a projection replays, its tables show an earlier state
 * of history, whose versions may still be split. Reads then return {@code rebuilding}, and
 * {@link #offer} keeps nothing.
 *
 * <p>At most {@code capacity} versions are kept; past it the whole copy is dropped and refilled
 * by later reads (versions are final: dropping only costs round trips).
 */
public final class SettledMachineVersions {

    private final Clock clock;
    private final long settleDelayMicros;
    private final int capacity;
    private final Map<MachineKey, NavigableMap<Long, Settled>> byMachine = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** @param capacity versions kept at most; 0 keeps none */
    public SettledMachineVersions(Clock clock, Duration settleDelay, int capacity) {
        if (settleDelay.isNegative()) {
            throw new IllegalArgumentException("the settle delay cannot be negative: " + settleDelay);
        }
        this.clock = clock;
        this.settleDelayMicros = settleDelay.toNanos() / 1_000;
        this.capacity = capacity;
    }

    /** The machine as it was at {@code atMicros}, or null unless a settled version covering it is kept. */
    MachineView at(String provider, String machine, long atMicros) {
        NavigableMap<Long, Settled> versions = byMachine.get(new MachineKey(provider, machine));
        if (versions == null) {
            return null;
        }
        Map.Entry<Long, Settled> floor = versions.floorEntry(atMicros);
        return floor != null && floor.getValue().toMicros > atMicros ? floor.getValue().machine : null;
    }

    /** A version read from the read model, kept if it ended before the settle delay. */
    void offer(String provider, String machine, long fromMicros, Long toMicros, MachineView view, boolean rebuilding) {
        if (capacity == 0 || rebuilding || toMicros == null
                || toMicros > nowMicros() - settleDelayMicros) {
            return;
        }
        if (byMachine.computeIfAbsent(new MachineKey(provider, machine), key -> new ConcurrentSkipListMap<>())
                .putIfAbsent(fromMicros, new Settled(toMicros, view)) == null && size.incrementAndGet() > capacity) {
            byMachine.clear();
            size.set(0);
        }
    }

    /** Versions kept now (approximately, while reads add them). */
    public int size() {
        return size.get();
    }

    private long nowMicros() {
        return Micros.of(clock.instant());
    }

    private record MachineKey(String provider, String machine) {
    }

    private record Settled(long toMicros, MachineView machine) {
    }
}
