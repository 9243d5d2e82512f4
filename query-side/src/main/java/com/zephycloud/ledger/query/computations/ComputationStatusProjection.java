package com.zephycloud.ledger.query.computations;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.events.computations.ComputationCanceled;
import com.zephycloud.ledger.kernel.events.computations.ComputationFinished;
import com.zephycloud.ledger.kernel.events.computations.ComputationKilled;
import com.zephycloud.ledger.kernel.events.computations.ComputationLaunching;
import com.zephycloud.ledger.kernel.events.computations.ComputationStarted;
import com.zephycloud.ledger.kernel.events.computations.ComputationSubmitted;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/**
 * The {@code computation_statuses} table: the status history of every job, with dates and reasons,
 * keyed by the event's place in the job's stream (inserted once, however often it is handled).
 */
@ProcessingGroup(ComputationStatusProjection.PROCESSING_GROUP)
public class ComputationStatusProjection {

    public static final String PROCESSING_GROUP = "computation-statuses";

    private final JdbcTemplate jdbc;

    public ComputationStatusProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ComputationSubmitted e, @SequenceNumber long seq) {
        insert(e.jobId().value(), seq, "pending", e.submittedAt(), null);
    }

    @EventHandler
    void on(ComputationLaunching e, @SequenceNumber long seq) {
        insert(e.jobId().value(), seq, "launching", e.at(), null);
    }

    @EventHandler
    void on(ComputationStarted e, @SequenceNumber long seq) {
        insert(e.jobId().value(), seq, "running", e.startTime(), null);
    }

    @EventHandler
    void on(ComputationFinished e, @SequenceNumber long seq) {
        insert(e.jobId().value(), seq, "finished", e.endTime(), null);
    }

    @EventHandler
    void on(ComputationKilled e, @SequenceNumber long seq) {
        insert(e.jobId().value(), seq, "killed", e.at(), e.reason());
    }

    @EventHandler
    void on(ComputationCanceled e, @SequenceNumber long seq) {
        insert(e.jobId().value(), seq, "canceled", e.at(), e.reason());
    }

    private void insert(long jobId, long seq, String status, Instant at, String reason) {
        jdbc.update("INSERT INTO computation_statuses (job_id, job_seq, status, at_us, reason) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                jobId, seq, status, Micros.of(at), reason);
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "computation_statuses");
    }
}
