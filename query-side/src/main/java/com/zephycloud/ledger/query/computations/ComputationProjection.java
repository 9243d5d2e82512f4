package com.zephycloud.ledger.query.computations;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.events.computations.ComputationCanceled;
import com.zephycloud.ledger.kernel.events.computations.ComputationFinished;
import com.zephycloud.ledger.kernel.events.computations.ComputationKilled;
import com.zephycloud.ledger.kernel.events.computations.ComputationLaunching;
import com.zephycloud.ledger.kernel.events.computations.ComputationLogsAppended;
import com.zephycloud.ledger.kernel.events.computations.ComputationProgressed;
import com.zephycloud.ledger.kernel.events.computations.ComputationShutdownDisabled;
import com.zephycloud.ledger.kernel.events.computations.ComputationStarted;
import com.zephycloud.ledger.kernel.events.computations.ComputationSubmitted;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code computations} table: one row per job with its current status and the terms it was
 * submitted on. A finished job shows progress 1; end_time stays null for a job that never ran.
 * The row is inserted only if absent and every update sets values, so the job's events handled a
 * second time, in their order, leave it as it was.
 */
@ProcessingGroup(ComputationProjection.PROCESSING_GROUP)
public class ComputationProjection {

    public static final String PROCESSING_GROUP = "computations";

    private final JdbcTemplate jdbc;

    public ComputationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ComputationSubmitted e) {
        jdbc.update("INSERT INTO computations (job_id, user_id, project_uid, status, create_us, progress, has_logs,"
                        + " shutdown_disabled, provider, machine, nbr_machines, cores_per_machine, user_rank, toolchain_id,"
                        + " toolchain_name, fixed_price, price_per_hour, price_sec_granularity, price_min_sec_granularity,"
                        + " cost_per_hour, cost_currency, cost_sec_granularity, cost_min_sec_granularity)"
                        + " VALUES (?, ?, ?, 'pending', ?, 0, FALSE, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                e.jobId().value(), e.userId().value(), e.projectUid(), Micros.of(e.submittedAt()), e.provider(),
                e.machine(), e.nbrMachines(), e.coresPerMachine(), e.userRank().json(), e.toolchainId(),
                e.toolchainName(), e.fixedPrice().value(), e.pricePerHour().value(), e.priceSecGranularity(),
                e.priceMinSecGranularity(), e.costPerHour(), e.costCurrency(), e.costSecGranularity(),
                e.costMinSecGranularity());
    }

    @EventHandler
    void on(ComputationLaunching e) {
        status(e.jobId().value(), "launching");
    }

    @EventHandler
    void on(ComputationStarted e) {
        jdbc.update("UPDATE computations SET status = 'running', start_us = ? WHERE job_id = ?",
                Micros.of(e.startTime()), e.jobId().value());
    }

    @EventHandler
    void on(ComputationProgressed e) {
        jdbc.update("UPDATE computations SET progress = ? WHERE job_id = ?", e.progress(), e.jobId().value());
    }

    @EventHandler
    void on(ComputationLogsAppended e) {
        jdbc.update("UPDATE computations SET has_logs = TRUE WHERE job_id = ?", e.jobId().value());
    }

    @EventHandler
    void on(ComputationFinished e) {
        jdbc.update("UPDATE computations SET status = 'finished', progress = 1, end_us = ? WHERE job_id = ?",
                Micros.of(e.endTime()), e.jobId().value());
    }

    @EventHandler
    void on(ComputationKilled e) {
        jdbc.update("UPDATE computations SET status = 'killed',"
                        + " end_us = CASE WHEN start_us IS NULL THEN NULL ELSE ? END WHERE job_id = ?",
                Micros.of(e.at()), e.jobId().value());
    }

    @EventHandler
    void on(ComputationCanceled e) {
        status(e.jobId().value(), "canceled");
    }

    @EventHandler
    void on(ComputationShutdownDisabled e) {
        jdbc.update("UPDATE computations SET shutdown_disabled = TRUE WHERE job_id = ?", e.jobId().value());
    }

    private void status(long jobId, String status) {
        jdbc.update("UPDATE computations SET status = ? WHERE job_id = ?", status, jobId);
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "computations");
    }
}
