package com.zephycloud.ledger.infra.computations.billing;

import com.zephycloud.ledger.jdbc.BatchedStatements;
import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.kernel.events.computations.ComputationCanceled;
import com.zephycloud.ledger.kernel.events.computations.ComputationFinished;
import com.zephycloud.ledger.kernel.events.computations.ComputationKilled;
import com.zephycloud.ledger.kernel.events.computations.ComputationPaused;
import com.zephycloud.ledger.kernel.events.computations.ComputationResumed;
import com.zephycloud.ledger.kernel.events.computations.ComputationSliceCharged;
import com.zephycloud.ledger.kernel.events.computations.ComputationStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The billing registers, on a subscribing processor: written in the database transaction that
 * stores the computation's events. A started computation gets a schedule row due at its start; a
 * charged slice moves it to the next slice (and only from the slice just charged) and is written
 * once in {@code computation_slice_charge}, whose key refuses a second charge of the same slice;
 * an ended computation leaves the schedule, and so does a paused one until it resumes (with its
 * next slice moved by the pause). The writes go to the database in batches, before the
 * transaction commits ({@link BatchedStatements}).
 */
@Component
@ProcessingGroup(BillingRegister.PROCESSING_GROUP)
public class BillingRegister {

    public static final String PROCESSING_GROUP = "computation-billing-register";

    private final BatchedStatements writes;

    /**
     * Removes a job from the billing schedule: it has nothing left to bill. A row that a billing
     * worker holds is left to that worker. The worker claimed the job's due slice and waits for the
     * job, which the command ending it holds: waiting here for the row would deadlock the two. Once
     * this command commits, the worker finds the job no longer running and removes the row itself.
     */
    static final String UNSCHEDULE = "DELETE FROM billing_schedule WHERE job_id IN"
            + " (SELECT job_id FROM billing_schedule WHERE job_id = ? FOR UPDATE SKIP LOCKED)";

    public BillingRegister(BatchedStatements writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(ComputationStarted event) {
        writes.update("INSERT INTO billing_schedule (job_id, next_slice, due_us) VALUES (?, 0, ?)",
                event.jobId().value(), Micros.of(event.startTime()));
    }

    @EventHandler
    void on(ComputationSliceCharged event) {
        writes.update("INSERT INTO computation_slice_charge (job_id, slice_number, transaction_id) VALUES (?, ?, ?)",
                event.jobId().value(), event.sliceNumber(), event.transactionId().value());
        writes.updateOne("UPDATE billing_schedule SET next_slice = ?, due_us = ? WHERE job_id = ? AND next_slice = ?",
                new Object[]{event.sliceNumber() + 1L, Micros.of(event.computingEnd()), event.jobId().value(),
                        event.sliceNumber()},
                "slice " + event.sliceNumber() + " of job " + event.jobId().value()
                        + " is not the next one of the billing schedule");
    }

    /**
     * A paused computation has nothing to bill until it resumes. {@link BillingScheduleLock} took
     * this row before the pause loaded the job, so no billing worker holds it: the delete waits
     * for no one.
     */
    @EventHandler
    void on(ComputationPaused event) {
        writes.update("DELETE FROM billing_schedule WHERE job_id = ?", event.jobId().value());
    }

    /** No worker can hold the row of a paused job: there is none until this one. */
    @EventHandler
    void on(ComputationResumed event) {
        writes.update("INSERT INTO billing_schedule (job_id, next_slice, due_us) VALUES (?, ?, ?)",
                event.jobId().value(), (long) event.nextSlice(), Micros.of(event.nextSliceStart()));
    }

    @EventHandler
    void on(ComputationFinished event) {
        unschedule(event.jobId());
    }

    @EventHandler
    void on(ComputationKilled event) {
        unschedule(event.jobId());
    }

    @EventHandler
    void on(ComputationCanceled event) {
        unschedule(event.jobId());
    }

    private void unschedule(JobId jobId) {
        writes.update(UNSCHEDULE, jobId.value());
    }
}
