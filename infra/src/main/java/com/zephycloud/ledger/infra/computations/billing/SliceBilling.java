package com.zephycloud.ledger.infra.computations.billing;

import com.zephycloud.ledger.command.computations.ChargeSlice;
import com.zephycloud.ledger.command.computations.SliceOutcome;
import com.zephycloud.ledger.infra.messaging.TransactionalUnitsOfWork;
import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.JobId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Charges due slices, many per database transaction. A batch claims up to {@code batchSize} due
 * rows of {@code billing_schedule} with {@code FOR UPDATE SKIP LOCKED} (workers and server
 * instances never wait for each other nor take the same row) and sends one {@link ChargeSlice}
 * per row inside one unit of work: each command runs nested in it, so the events of the whole
 * batch are appended together, the registers written together, and everything commits once or
 * not at all: a claim, a commit and the register round trips per batch instead of per slice.
 * <p>
 * A batch that fails (a slice that cannot be stored, an aggregate changed by another instance
 * since this one cached it) is rolled back whole, with the cache entries of its aggregates, and
 * its slices are charged again in two halves, each its own transaction, halved again on failure
 * down to single slices: a failing slice holds back none of the others and none is charged twice,
 * and the common failure, a stale cache entry, costs one retry rather than a transaction per
 * slice. Overdue slices (after a restart) are charged one after the other, each once, with its
 * own boundaries.
 */
public class SliceBilling {

    private static final Logger log = LoggerFactory.getLogger(SliceBilling.class);
    private static final String CLAIM = "SELECT job_id, next_slice FROM billing_schedule WHERE due_us <= ?"
            + " ORDER BY due_us FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    private static final String RECLAIM = "SELECT job_id, next_slice FROM billing_schedule"
            + " WHERE job_id IN (:jobs) AND due_us <= :now FOR UPDATE SKIP LOCKED";

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
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
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
        this.batchSize = batchSize;
    }

    private record Due(JobId jobId, long slice) {
        static final RowMapper<Due> ROW = (row, n) -> new Due(JobId.of(row.getLong("job_id")), row.getLong("next_slice"));
    }

    /**
     * Charges at most one batch of due slices; answers how many slices it settled (charged, or
     * found killed, stale or behind). A batch that failed is answered for once its slices were
     * tried again in smaller batches; a slice that still fails stays due and is tried later.
     */
    public int chargeDue() {
        Instant now = clock.instant();
        List<Due> claimed = new ArrayList<>();
        try {
            return inOneUnitOfWork(() -> {
                claimed.addAll(jdbc.query(CLAIM, Due.ROW, Micros.of(now), batchSize));
                return settle(claimed, now);
            });
        } catch (RuntimeException failure) {
            if (claimed.size() <= 1) {
                throw failure;
            }
            log.info("a batch of {} slices was rolled back, charging it in halves: {}", claimed.size(),
                    failure.toString());
            return inHalves(claimed, now);
        }
    }

    private int inHalves(List<Due> slices, Instant now) {
        int half = slices.size() / 2;
        return again(slices.subList(0, half), now) + again(slices.subList(half, slices.size()), now);
    }

    /** Charges {@code slices} in one transaction if they are still due and unchanged; halves them on failure. */
    private int again(List<Due> slices, Instant now) {
        try {
            return inOneUnitOfWork(() -> settle(reclaim(slices, now), now));
        } catch (RuntimeException failure) {
            if (slices.size() > 1) {
                return inHalves(slices, now);
            }
            // the transaction rolled back: the row stays due and is claimed again
            log.info("charging slice {} of {} failed, will retry: {}", slices.get(0).slice(), slices.get(0).jobId(),
                    failure.toString());
            return 0;
        }
    }

    /** The rows of {@code slices} still at the same slice and due; a row moved on meanwhile was charged elsewhere. */
    private List<Due> reclaim(List<Due> slices, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("jobs",
                slices.stream().map(slice -> slice.jobId().value()).toList()).addValue("now", Micros.of(now));
        Set<Due> unchanged = new HashSet<>(named.query(RECLAIM, parameters, Due.ROW));
        return slices.stream().filter(unchanged::contains).toList();
    }

    /**
     * Settles every slice, then fails with the first failure if there was one. Going on after a
     * failure loads the aggregates of the remaining slices too, so that rolling the batch back
     * drops every stale cache entry it holds, not only the first one.
     */
    private int settle(List<Due> slices, Instant now) {
        int settled = 0;
        RuntimeException failure = null;
        for (Due slice : slices) {
            try {
                if (settle(slice, now)) {
                    settled++;
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return settled;
    }

    private boolean settle(Due slice, Instant now) {
        SliceOutcome outcome = commands.sendAndWait(new ChargeSlice(slice.jobId(), slice.slice(), now));
        if (outcome == SliceOutcome.NOT_RUNNING) {
            // the computation ended while this worker held its row (see BillingRegister.UNSCHEDULE)
            log.info("{} ended before its slice {} was charged; removed from the billing schedule",
                    slice.jobId(), slice.slice());
            jdbc.update(BillingRegister.UNSCHEDULE, slice.jobId().value());
        } else if (outcome == SliceOutcome.PAUSED) {
            // a paused job has no schedule row: this instance's copy of the job predates its
            // resume. Failing rolls the batch back with that copy, and the slice is charged again
            // from the stored events; treating it as paused would drop a running job's billing.
            throw new IllegalStateException(slice.jobId() + " is paused in this instance's cache but scheduled"
                    + " for slice " + slice.slice() + ": the cache is older than its resume");
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
        return TransactionalUnitsOfWork.run(new DefaultUnitOfWork<>(null), transactions, work);
    }
}
