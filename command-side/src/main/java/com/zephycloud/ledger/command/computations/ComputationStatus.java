package com.zephycloud.ledger.command.computations;

import java.util.Locale;

/**
 * The life of a computation: pending → launching → running → finished | killed, and canceled
 * from pending or launching. Killed is also reachable from pending and launching (an admin).
 */
public enum ComputationStatus {
    PENDING, LAUNCHING, RUNNING, FINISHED, KILLED, CANCELED;

    public boolean isEnded() {
        return this == FINISHED || this == KILLED || this == CANCELED;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
