package com.zephycloud.ledger.command.computations;

import java.time.Duration;
import java.time.Instant;

/**
 * The pauses of a computation so far: the time it was paused before its last resume, and the
 * instant of the pause in progress (null while it runs). Slices are planned on running time, so
 * a pause stops their clock: after a resume, running time 0 is the start moved by the time paused.
 */
public record Pauses(Duration pausedFor, Instant pausedAt) {

    public static final Pauses NONE = new Pauses(Duration.ZERO, null);

    /** Where running time 0 is on the wall clock. */
    public Instant origin(Instant startTime) {
        return startTime.plus(pausedFor);
    }

    public Pauses pausedAt(Instant at) {
        return new Pauses(pausedFor, at);
    }

    /** A resume at {@code requested}, never before the pause, whatever the clock of the instance that resumes. */
    public Instant resumeTime(Instant requested) {
        return requested.isBefore(pausedAt) ? pausedAt : requested;
    }

    /** The origin of running time once resumed at {@code at}. */
    public Instant originAfterResume(Instant startTime, Instant at) {
        return resumedAt(at).origin(startTime);
    }

    public Pauses resumedAt(Instant at) {
        return new Pauses(pausedFor.plus(Duration.between(pausedAt, at)), null);
    }
}
