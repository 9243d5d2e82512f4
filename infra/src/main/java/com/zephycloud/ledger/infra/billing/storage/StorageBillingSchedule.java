package com.zephycloud.ledger.infra.billing.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;

/**
 * Runs the storage billing periodically ({@code zephy.projects.storage-billing.interval}). Runs
 * on several instances are safe (each day is charged once), only wasteful.
 */
public class StorageBillingSchedule {

    private static final Logger log = LoggerFactory.getLogger(StorageBillingSchedule.class);

    private final StorageBilling billing;
    private final Clock clock;

    public StorageBillingSchedule(StorageBilling billing, Clock clock) {
        this.billing = billing;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${zephy.projects.storage-billing.interval}",
            fixedDelayString = "${zephy.projects.storage-billing.interval}")
    public void run() {
        if (!billing.canBill()) {
            log.warn("storage is not billed: no storage price source (StoragePrices) is configured");
            return;
        }
        billing.billUpTo(clock.instant());
    }
}
