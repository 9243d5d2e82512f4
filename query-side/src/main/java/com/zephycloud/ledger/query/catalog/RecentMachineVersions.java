package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Machine versions read from the read model in the last {@code maxAge}, kept in memory: what
 * {@code machines/show} answers without a date (or at a date after the settle horizon, which
 * {@link SettledMachineVersions} does not cover) without a database round trip.
 *
 * <p>Why an answer may be reused: a query sees the writes of other instances at most
 * {@code zephy.read.head-max-age} late (the read-your-writes rule), so a version read less than
 * that long ago is as fresh as a query that read the database would be. The writes of this
 * instance are always seen: each catalog change committed here moves {@link #stamp()}, and a
 * version is reused only while the stamp is the one taken before the read that found it (taken
 * before the projections' catch-up, so that a read which started before a change and ends after
 * it is not reused). A version is also reused only for an instant inside its validity range, so
 * a change scheduled for later (an {@code effective_date}) is seen when it takes effect.
 *
 * <p>When catalog changes are committed where this cannot see their end ({@link #untracked()}),
 * nothing is reused. While the catalog is being rebuilt, nothing is kept.
 */
public final class RecentMachineVersions {

    private final long maxAgeNanos;
    private final int capacity;
    private final AtomicLong changes = new AtomicLong();
    private final Map<MachineKey, Recent> byMachine = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private volatile boolean untracked;

    /** @param capacity machines kept at most; 0 keeps none */
    public RecentMachineVersions(Duration maxAge, int capacity) {
        this.maxAgeNanos = maxAge.toNanos();
        this.capacity = capacity;
    }

    /** Catalog changes committed on this instance so far: take it before a read whose answer is offered. */
    public long stamp() {
        return changes.get();
    }

    /** The machine as {@code query} asks for it, if a version read recently covers its instant. */
    public Optional<MachineView> find(FindMachine query) {
        Recent recent = byMachine.get(new MachineKey(query.provider(), query.machine()));
        if (recent == null || untracked || recent.stamp != changes.get()
                || System.nanoTime() - recent.readNanos >= maxAgeNanos) {
            return Optional.empty();
        }
        long at = Micros.of(query.at());
        boolean covers = recent.fromMicros <= at && (recent.toMicros == null || at < recent.toMicros);
        return covers ? Optional.of(recent.machine) : Optional.empty();
    }

    /**
     * The answer to {@code query} of a read that began at {@code readNanos}
     * ({@link System#nanoTime()}), with {@code stamp} taken before it.
     */
    public void offer(FindMachine query, long stamp, long readNanos, MachineVersionAt version) {
        if (capacity == 0 || !version.fromReadModel() || version.rebuilding() || stamp != changes.get()) {
            return;
        }
        Recent recent = new Recent(stamp, readNanos, version.validFromMicros(), version.validToMicros(), version.machine());
        if (byMachine.put(new MachineKey(query.provider(), query.machine()), recent) == null
                && size.incrementAndGet() > capacity) {
            byMachine.clear();
            size.set(0);
        }
    }

    /** A catalog change was committed on this instance: nothing read before it is reused. */
    public void changed() {
        changes.incrementAndGet();
    }

    /** Catalog changes are committed where their end cannot be seen: from now on nothing is reused. */
    public void untracked() {
        untracked = true;
    }

    private record MachineKey(String provider, String machine) {
    }

    private record Recent(long stamp, long readNanos, long fromMicros, Long toMicros, MachineView machine) {
    }
}
