package com.zephycloud.ledger.infra.projects;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved by an offset that tests set: time still flows, from where the test put
 * it. Events are stamped through a JVM-wide clock, so tests put the offset back to zero when done.
 */
final class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    void setNow(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
