package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Machine versions read from the read model, kept in memory with the event store's head they
 * were read at: what {@code machines/show} answers without a date (or at a date after the settle
 * horizon, which {@link SettledMachineVersions} does not cover) while nothing has been stored
 * since, with one read of the head instead of the projections' catch-up and a lookup.
 *
 * <p>Why an answer may be reused: the read that found it came after the projections had caught
 * up with that head, so it holds every event up to it; while the head a later query reads is the
 * same, no event has been stored since, on any instance, and the read model holds what it held.
 * (The head a query reads is the one read-your-writes waits for, with the same freshness: see
 * {@code zephy.read.head-max-age}.) A version is also reused only for an instant inside its
 * validity range, so a change scheduled for later (an {@code effective_date}) is seen when it
 * takes effect. Nothing read while the catalog is being rebuilt is kept.
 */
public final class RecentMachineVersions {

    private final int capacity;
    private final Map<MachineKey, Recent> byMachine = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** @param capacity machines kept at most; 0 keeps none */
    public RecentMachineVersions(int capacity) {
        this.capacity = capacity;
    }

    /** The machine as {@code query} asks for it, if it was read at event store head {@code head} and covers its instant. */
    public Optional<MachineView> find(FindMachine query, long head) {
        Recent recent = byMachine.get(new MachineKey(query.provider(), query.machine()));
        if (recent == null || recent.head != head) {
            return Optional.empty();
        }
        long at = Micros.of(query.at());
        boolean covers = recent.fromMicros <= at && (recent.toMicros == null || at < recent.toMicros);
        return covers ? Optional.of(recent.machine) : Optional.empty();
    }

    /** The answer to {@code query} of a read made once the projections had caught up with event store head {@code head}. */
    public void offer(FindMachine query, long head, MachineVersionAt version) {
        if (capacity == 0 || !version.fromReadModel() || version.rebuilding()) {
            return;
        }
        Recent recent = new Recent(head, version.validFromMicros(), version.validToMicros(), version.machine());
        if (byMachine.put(new MachineKey(query.provider(), query.machine()), recent) == null
                && size.incrementAndGet() > capacity) {
            byMachine.clear();
            size.set(0);
        }
    }

    private record MachineKey(String provider, String machine) {
    }

    private record Recent(long head, long fromMicros, Long toMicros, MachineView machine) {
    }
}
