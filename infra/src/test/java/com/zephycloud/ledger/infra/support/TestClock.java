package com.zephycloud.ledger.infra.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that tests move. Frozen: time stands where the test puts it and moves only by
 * {@link #advance}. Flowing: the system clock shifted by an offset the test sets, so time still
 * passes from where the test put it. Events are stamped through a JVM-wide clock, so a test that
 * shifts a flowing clock puts it back with {@link #reset()} when done.
 */
public final class TestClock extends Clock {

    private volatile Instant frozenAt;
    private volatile Duration offset = Duration.ZERO;

    private TestClock(Instant frozenAt) {
        this.frozenAt = frozenAt;
    }

    public static TestClock frozenAt(Instant start) {
        return new TestClock(start);
    }

    public static TestClock flowing() {
        return new TestClock(null);
    }

    public void setNow(Instant now) {
        if (frozenAt != null) {
            frozenAt = now;
        } else {
            offset = Duration.between(Instant.now(), now);
        }
    }

    public void advance(Duration duration) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    /** A flowing clock back to the system time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("UTC only");
        }
        return this;
    }
}
