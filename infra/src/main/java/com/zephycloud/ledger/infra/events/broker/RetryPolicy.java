package com.zephycloud.ledger.infra.events.broker;

import java.time.Duration;

/**
 * How the publisher waits between attempts: from {@code initial}, doubling, at most {@code max}
 * apart, for {@code window} in all; after that the event's processor stops, keeps its position and
 * starts again with Axon's own backoff. Never a skip.
 */
public record RetryPolicy(Duration initial, Duration max, Duration window) {

    Duration after(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
