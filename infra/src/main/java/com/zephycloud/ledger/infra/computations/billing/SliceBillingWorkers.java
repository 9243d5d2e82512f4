package com.zephycloud.ledger.infra.computations.billing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The threads that charge due slices: each one charges batches through {@link SliceBilling} as
 * long as it finds slices due, and sleeps {@code pollInterval} when it finds none.
 */
public class SliceBillingWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SliceBillingWorkers.class);

    private final SliceBilling billing;
    private final int workerCount;
    private final Duration pollInterval;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    public SliceBillingWorkers(SliceBilling billing, int workerCount, Duration pollInterval) {
        this.billing = billing;
        this.workerCount = workerCount;
        this.pollInterval = pollInterval;
    }

    private void work() {
        while (running) {
            int settled;
            try {
                settled = billing.chargeDue();
            } catch (RuntimeException e) {
                // a concurrent change of the same computation or account, or the database away:
                // the transaction rolled back and the rows will be claimed again
                log.info("charging slices failed, will retry: {}", e.toString());
                settled = 0;
            }
            if (settled == 0) {
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < workerCount; i++) {
            Thread worker = new Thread(this::work, "slice-billing-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after Axon has subscribed its handlers, and stops first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
