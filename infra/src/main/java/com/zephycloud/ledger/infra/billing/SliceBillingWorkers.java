package com.zephycloud.ledger.infra.billing;

import com.zephycloud.ledger.command.computations.ChargeSlice;
import com.zephycloud.ledger.command.computations.SliceOutcome;
import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.query.common.Micros;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Charges due slices. Each worker claims one due row of {@code billing_schedule} with
 * {@code FOR UPDATE SKIP LOCKED} (so that workers and server instances never wait for each other
 * nor take the same row) and sends {@link ChargeSlice} in the same database transaction: the
 * charge, the slice's record and the row's move to the next slice commit together, or none of
 * them does and the row is claimed again. A worker that finds nothing due sleeps
 * {@code pollInterval}. Overdue slices (after a restart) are charged one after the other, each once.
 */
public class SliceBillingWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SliceBillingWorkers.class);
    private static final String CLAIM = "SELECT job_id, next_slice FROM billing_schedule WHERE due_us <= ?"
            + " ORDER BY due_us FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED";

    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int workerCount;
    private final Duration pollInterval;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    public SliceBillingWorkers(CommandGateway commands, TransactionTemplate transactions, JdbcTemplate jdbc,
                               Clock clock, int workerCount, Duration pollInterval) {
        this.commands = commands;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.workerCount = workerCount;
        this.pollInterval = pollInterval;
    }

    private record Due(JobId jobId, long slice) {
    }

    /** Charges at most one due slice; answers whether there was one. */
    public boolean chargeNextDue() {
        Boolean worked = transactions.execute(status -> {
            List<Due> due = jdbc.query(CLAIM, (row, n) -> new Due(JobId.of(row.getLong("job_id")),
                    row.getLong("next_slice")), Micros.of(clock.instant()));
            if (due.isEmpty()) {
                return false;
            }
            Due slice = due.get(0);
            SliceOutcome outcome = commands.sendAndWait(new ChargeSlice(slice.jobId(), slice.slice(), clock.instant()));
            if (outcome == SliceOutcome.NOT_RUNNING) {
                // the computation ended in a way the register did not see: nothing left to bill
                log.warn("billing schedule of {} at slice {} was stale: the job is not running; removed",
                        slice.jobId(), slice.slice());
                jdbc.update("DELETE FROM billing_schedule WHERE job_id = ?", slice.jobId().value());
            } else if (outcome == SliceOutcome.ALREADY_CHARGED) {
                // cannot happen while the register moves with each charge; never delete billing on a guess
                log.error("billing schedule of {} is behind the job (slice {} already charged); left for an operator",
                        slice.jobId(), slice.slice());
                jdbc.update("UPDATE billing_schedule SET due_us = due_us + 3600000000 WHERE job_id = ?",
                        slice.jobId().value());
            }
            return outcome != SliceOutcome.NOT_DUE;
        });
        return Boolean.TRUE.equals(worked);
    }

    private void work() {
        while (running) {
            boolean worked;
            try {
                worked = chargeNextDue();
            } catch (RuntimeException e) {
                // a concurrent change of the same computation or account, or the database away:
                // the transaction rolled back and the row will be claimed again
                log.info("charging a slice failed, will retry: {}", e.toString());
                worked = false;
            }
            if (!worked) {
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
