package com.zephycloud.ledger.infra.billing;

import com.zephycloud.ledger.command.computations.ChargeSlice;
import com.zephycloud.ledger.command.computations.SliceOutcome;
import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.query.common.Micros;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Charges due slices, many per database transaction. A batch claims up to {@code batchSize} due
 * rows of {@code billing_schedule} with {@code FOR UPDATE SKIP LOCKED} (workers and server
 * instances never wait for each other nor take the same row) and sends one {@link ChargeSlice}
 * per row inside one unit of work: each command runs nested in it, so the events of the whole
 * batch are appended together, the registers written together, and everything commits once or
 * not at all. A commit per slice was most of a charge's cost.
 * <p>
 * A batch that fails (one slice that cannot be stored, two instances charging one account) is
 * rolled back whole, and its slices are then charged one per transaction, so a failing slice
 * holds back none of the others and none is charged twice. Overdue slices (after a restart) are
 * charged one after the other, each once, with its own boundaries.
 */
public class SliceBilling {

    private static final Logger log = LoggerFactory.getLogger(SliceBilling.class);
    private static final String CLAIM = "SELECT job_id, next_slice FROM billing_schedule WHERE due_us <= ?"
            + " ORDER BY due_us FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    private static final String RECLAIM = "SELECT job_id, next_slice FROM billing_schedule"
            + " WHERE job_id = ? AND next_slice = ? AND due_us <= ? FOR UPDATE SKIP LOCKED";

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int batchSize;

    public SliceBilling(CommandGateway commands, TransactionManager transactions, JdbcTemplate jdbc, Clock clock,
                        int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the billing batch size must be at least 1, got " + batchSize);
        }
        this.commands = commands;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    private record Due(JobId jobId, long slice) {
    }

    /**
     * Charges at most one batch of due slices; answers how many slices it settled (charged, or
     * found killed, stale or behind). A batch that failed is answered for once its slices were
     * tried one by one; a slice that still fails stays due and is tried again later.
     */
    public int chargeDue() {
        Instant now = clock.instant();
        List<Due> claimed = new ArrayList<>();
        try {
            return inOneUnitOfWork(() -> {
                claimed.addAll(claim(CLAIM, Micros.of(now), batchSize));
                return settle(claimed, now);
            });
        } catch (RuntimeException batchFailure) {
            if (claimed.size() <= 1) {
                throw batchFailure;
            }
            log.info("a batch of {} slices was rolled back ({}); charging them one by one", claimed.size(),
                    batchFailure.toString());
            return oneByOne(claimed, now);
        }
    }

    private int oneByOne(List<Due> slices, Instant now) {
        int settled = 0;
        for (Due slice : slices) {
            try {
                settled += inOneUnitOfWork(() -> settle(claim(RECLAIM, slice.jobId().value(), slice.slice(),
                        Micros.of(now)), now));
            } catch (RuntimeException e) {
                // the transaction rolled back: the row stays due and is claimed again
                log.info("charging slice {} of {} failed, will retry: {}", slice.slice(), slice.jobId(), e.toString());
            }
        }
        return settled;
    }

    private List<Due> claim(String sql, Object... parameters) {
        return jdbc.query(sql, (row, n) -> new Due(JobId.of(row.getLong("job_id")), row.getLong("next_slice")),
                parameters);
    }

    private int settle(List<Due> slices, Instant now) {
        int settled = 0;
        for (Due slice : slices) {
            if (settle(slice, now)) {
                settled++;
            }
        }
        return settled;
    }

    private boolean settle(Due slice, Instant now) {
        SliceOutcome outcome = commands.sendAndWait(new ChargeSlice(slice.jobId(), slice.slice(), now));
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
    }

    /**
     * Runs {@code work} in a root unit of work bound to a new database transaction. Commands sent
     * from it run nested: their aggregates stay locked, and their cache entries are dropped if
     * anything in the batch rolls back, so no instance builds on a charge that was not stored.
     */
    private int inOneUnitOfWork(Callable<Integer> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<Integer> result = unitOfWork.executeWithResult(work, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
