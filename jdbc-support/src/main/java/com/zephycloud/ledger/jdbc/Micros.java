package com.zephycloud.ledger.jdbc;

import java.time.Instant;

/** Read models and registers keep instants as UTC epoch microseconds (columns named *_us). */
public final class Micros {

    private Micros() {
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public static Long ofNullable(Instant instant) {
        return instant == null ? null : of(instant);
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    public static long ofEpochSeconds(long seconds) {
        return Math.multiplyExact(seconds, 1_000_000L);
    }

    public static long toEpochSeconds(long micros) {
        return Math.floorDiv(micros, 1_000_000L);
    }

    public static Long toEpochSeconds(Long micros) {
        return micros == null ? null : toEpochSeconds(micros.longValue());
    }
}
