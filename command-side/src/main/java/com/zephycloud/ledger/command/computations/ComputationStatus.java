package com.zephycloud.ledger.command.computations;

import java.util.Locale;

/**
 * The life of a computation: pending → launching → running → finished | killed, and canceled
 * from pending or launching. Killed is also reachable from pending and launching (an admin).
 * Running ⇄ paused: the scheduler pauses and resumes a running job; a paused job is not charged
 * and may be finished or killed.
 */
public enum ComputationStatus {
    PENDING, LAUNCHING, RUNNING, PAUSED, FINISHED, KILLED, CANCELED;

    public boolean isEnded() {
        return this == FINISHED || this == KILLED || this == CANCELED;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
