package com.zephycloud.ledger.query.computations;

import com.zephycloud.ledger.kernel.events.computations.ComputationLogsAppended;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code computation_logs} table: each job's log lines in the order they were sent, keyed by the event's place in the job's stream (inserted once). */
@ProcessingGroup(ComputationLogProjection.PROCESSING_GROUP)
public class ComputationLogProjection {

    public static final String PROCESSING_GROUP = "computation-logs";

    private final JdbcTemplate jdbc;

    public ComputationLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ComputationLogsAppended e, @SequenceNumber long seq) {
        jdbc.update("INSERT INTO computation_logs (job_id, job_seq, lines) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                e.jobId().value(), seq, e.lines());
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "computation_logs");
    }
}
