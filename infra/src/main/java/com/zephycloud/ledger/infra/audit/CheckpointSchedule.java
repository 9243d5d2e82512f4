package com.zephycloud.ledger.infra.audit;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Makes a checkpoint every {@code zephy.audit.checkpoint.interval}. Every instance runs it; the
 * lock in {@link LedgerCheckpoints} makes them take turns, and a turn that finds no head moved
 * makes nothing.
 */
public class CheckpointSchedule {

    private final LedgerCheckpoints checkpoints;

    public CheckpointSchedule(LedgerCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(initialDelayString = "${zephy.audit.checkpoint.interval}",
            fixedDelayString = "${zephy.audit.checkpoint.interval}")
    public void run() {
        checkpoints.make();
    }
}
