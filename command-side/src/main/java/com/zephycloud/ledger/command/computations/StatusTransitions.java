package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.JobId;

import java.util.EnumSet;
import java.util.Set;

import static com.zephycloud.ledger.command.computations.ComputationStatus.LAUNCHING;
import static com.zephycloud.ledger.command.computations.ComputationStatus.PAUSED;
import static com.zephycloud.ledger.command.computations.ComputationStatus.PENDING;
import static com.zephycloud.ledger.command.computations.ComputationStatus.RUNNING;

/** Which change is allowed from which status; a refused one is an IllegalStateException (409). */
public final class StatusTransitions {

    private StatusTransitions() {
    }

    public static void check(JobId jobId, ComputationStatus current, String change, Set<ComputationStatus> allowedFrom) {
        if (!allowedFrom.contains(current)) {
            throw new IllegalStateException("job " + jobId.value() + " is " + current.json() + ": cannot " + change
                    + " it (allowed when " + describe(allowedFrom) + ")");
        }
    }

    public static final Set<ComputationStatus> TO_LAUNCHING = EnumSet.of(PENDING);
    public static final Set<ComputationStatus> TO_RUNNING = EnumSet.of(PENDING, LAUNCHING);
    public static final Set<ComputationStatus> TO_PAUSED = EnumSet.of(RUNNING);
    public static final Set<ComputationStatus> TO_RESUMED = EnumSet.of(PAUSED);
    /** A paused job may end without running again: it is charged nothing more. */
    public static final Set<ComputationStatus> TO_FINISHED = EnumSet.of(RUNNING, PAUSED);
    /** Canceled means it never ran: a paused job ran, so it is finished or killed instead. */
    public static final Set<ComputationStatus> TO_CANCELED = EnumSet.of(PENDING, LAUNCHING);
    public static final Set<ComputationStatus> TO_KILLED = EnumSet.of(PENDING, LAUNCHING, RUNNING, PAUSED);
    public static final Set<ComputationStatus> PROGRESS = EnumSet.of(RUNNING);
    public static final Set<ComputationStatus> LOGS = EnumSet.of(LAUNCHING, RUNNING, PAUSED,
            ComputationStatus.FINISHED, ComputationStatus.KILLED);
    public static final Set<ComputationStatus> SHUTDOWN = EnumSet.of(PENDING, LAUNCHING, RUNNING, PAUSED);

    private static String describe(Set<ComputationStatus> statuses) {
        return String.join(" or ", statuses.stream().map(ComputationStatus::json).toList());
    }
}
