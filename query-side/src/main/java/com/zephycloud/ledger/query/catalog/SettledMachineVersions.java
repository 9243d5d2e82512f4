package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The catalog's settled past, kept in memory: machine versions as they were before the settle
 * horizon ({@code settleDelay} before now), so that {@code machines/show} and
 * {@code machines/list} at such a date need no database round trip per machine.
 *
 * <p>Why the past before the horizon is final: no catalog change takes effect before the request
 * that makes it (it cannot be back-dated), and automatic repricing takes effect when its cause
 * does. If {@code settleDelay} bounds the time a change takes from its request to the read model,
 * every event not yet in the read model takes effect after the horizon, so nothing it does can
 * change what the read model says of the time before. A version read from the read model is
 * therefore kept for the part of its range before the horizon of the read: all of it if it ended
 * earlier, up to the horizon if it is still valid or ended since. Nothing has to tell an instance
 * about new events: what it keeps can no longer change. That holds for any number of instances,
 * each with its own copy, filled from the read model as it is asked.
 *
 * <p>The one exception is a rebuild: while a projection replays, its tables show an earlier state
 * of history, whose versions may still be split. Reads then say {@code rebuilding}, and
 * {@link #offer} keeps nothing.
 *
 * <p>At most {@code capacity} versions are kept; past it the whole copy is dropped and refilled
 * by later reads (the versions are final: dropping them only costs round trips).
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

    /** The machine as {@code query} asks for it, if a settled version covering its instant is kept. */
    public Optional<MachineView> find(FindMachine query) {
        return Optional.ofNullable(at(query.provider(), query.machine(), Micros.of(query.at())));
    }

    /** Whether what the read model says of {@code atMicros} is final (and this copy is on). */
    boolean isSettled(long atMicros) {
        return capacity > 0 && atMicros < horizon();
    }

    /** The machine as it was at {@code atMicros}, or null unless a kept version covers it. */
    MachineView at(String provider, String machine, long atMicros) {
        NavigableMap<Long, Settled> versions = byMachine.get(new MachineKey(provider, machine));
        if (versions == null) {
            return null;
        }
        Map.Entry<Long, Settled> floor = versions.floorEntry(atMicros);
        return floor != null && floor.getValue().endMicros > atMicros ? floor.getValue().machine : null;
    }

    /**
     * A version read from the read model, valid from {@code fromMicros} to {@code toMicros}
     * (null: still valid): its part before the horizon is kept, unless the read model was being
     * rebuilt.
     */
    void offer(String provider, String machine, long fromMicros, Long toMicros, MachineView view, boolean rebuilding) {
        long horizon = horizon();
        long end = toMicros == null ? horizon : Math.min(toMicros, horizon);
        if (capacity == 0 || rebuilding || end <= fromMicros) {
            return;
        }
        boolean[] added = {false};
        byMachine.computeIfAbsent(new MachineKey(provider, machine), key -> new ConcurrentSkipListMap<>())
                .compute(fromMicros, (from, kept) -> {
                    added[0] = kept == null;
                    // a later read of the same version reaches a later horizon
                    return kept != null && kept.endMicros >= end ? kept : new Settled(end, view);
                });
        if (added[0] && size.incrementAndGet() > capacity) {
            byMachine.clear();
            size.set(0);
        }
    }

    /** Versions kept now (approximately, while reads add them). */
    public int size() {
        return size.get();
    }

    private long horizon() {
        return Micros.of(clock.instant()) - settleDelayMicros;
    }

    private record MachineKey(String provider, String machine) {
    }

    /** A version's content, final from its start (the map's key) to {@code endMicros}, excluded. */
    private record Settled(long endMicros, MachineView machine) {
    }
}
