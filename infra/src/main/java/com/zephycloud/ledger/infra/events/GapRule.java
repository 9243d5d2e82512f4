package com.zephycloud.ledger.infra.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the feed may read past a missing position. Positions come from an identity column:
 * a transaction that took position 41 may commit after the one that took 42, so 42 can be
 * visible while 41 is not yet. A missing position is either such an event still in flight or a
 * rolled-back one that will never appear. The feed stops before a missing position until the
 * first event visible after it is older than {@code timeout}: by then any transaction that took
 * the missing position has been running for longer than {@code timeout}, and we assume none does
 * (commands last milliseconds). The same assumption as Axon's own gap timeout, with no state
 * to keep: every instance and every consumer reach the same answer.
 */
public final class GapRule {

    private final Clock clock;
    private final Duration timeout;

    public GapRule(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    /** True when the positions missing just before an event stamped {@code nextEventTime} are settled. */
    public boolean settled(Instant nextEventTime) {
        return nextEventTime.isBefore(clock.instant().minus(timeout));
    }

    public Duration timeout() {
        return timeout;
    }
}
