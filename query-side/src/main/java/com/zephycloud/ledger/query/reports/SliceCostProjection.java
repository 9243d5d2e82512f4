package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.jdbc.BatchSender;
import com.zephycloud.ledger.jdbc.BatchedStatements;
import com.zephycloud.ledger.kernel.events.computations.ComputationSliceCharged;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code benefit_slice_costs} table: the provider's cost of every charged slice, by the
 * transaction that charged it. The slice's date, user and cancellation are read from the ledger's
 * {@code ledger_transactions} (a cancellation is a reversal row pointing to this transaction), so
 * the cost falls in exactly the window of the slice's revenue. One row per transaction, inserted
 * only if absent: a slice handled twice is costed once.
 */
@ProcessingGroup(SliceCostProjection.PROCESSING_GROUP)
public class SliceCostProjection {

    public static final String PROCESSING_GROUP = "benefit-slice-costs";

    private final JdbcTemplate jdbc;
    private final BatchedStatements writes;

    /** @param batches sends the runs of inserts a batch of events makes */
    public SliceCostProjection(JdbcTemplate jdbc, BatchSender batches) {
        this.jdbc = jdbc;
        this.writes = new BatchedStatements(jdbc, batches);
    }

    @EventHandler
    void on(ComputationSliceCharged event) {
        writes.update("INSERT INTO benefit_slice_costs (transaction_id, job_id, slice_number, provider_cost, cost_currency)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.transactionId().value(), event.jobId().value(),
                event.sliceNumber(), event.providerCost(), event.costCurrency());
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "benefit_slice_costs");
    }
}
