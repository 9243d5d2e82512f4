package com.zephycloud.ledger.infra.projects.billing;

import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;

/**
 * Runs the storage billing periodically ({@code zephy.projects.storage-billing.interval}). Runs
 * on several instances are safe (each day is charged once), only wasteful.
 */
public class StorageBillingSchedule {


    private final StorageBilling billing;
    private final Clock clock;

    public StorageBillingSchedule(StorageBilling billing, Clock clock) {
        this.billing = billing;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${zephy.projects.storage-billing.interval}",
            fixedDelayString = "${zephy.projects.storage-billing.interval}")
    public void run() {
        billing.billUpTo(clock.instant());
    }
}
