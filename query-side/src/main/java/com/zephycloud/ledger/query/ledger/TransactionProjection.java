package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.jdbc.BatchSender;
import com.zephycloud.ledger.jdbc.BatchedStatements;
import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.CreditRemoved;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/**
 * The {@code ledger_transactions} table: every transaction with the balance after it, which
 * makes it the balance history too. An event handled a second time (a claim moved, a token moved
 * back) writes nothing new: a transaction's row is keyed by its id and inserted only if absent,
 * and a cancellation sets its mark again to the same value.
 */
@ProcessingGroup(TransactionProjection.PROCESSING_GROUP)
public class TransactionProjection {

    public static final String PROCESSING_GROUP = "transactions";

    private final JdbcTemplate jdbc;
    private final BatchedStatements writes;

    /** @param batches sends the runs of inserts a batch of events makes */
    public TransactionProjection(JdbcTemplate jdbc, BatchSender batches) {
        this.jdbc = jdbc;
        this.writes = new BatchedStatements(jdbc, batches);
    }

    @EventHandler
    void on(CreditAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(event.transactionId(), event.userId(), sequence, event.signedAmount(), event.balanceAfter(),
                event.reason(), null, null, ChargeContext.NONE, at, null);
    }

    @EventHandler
    void on(CreditConsumed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(event.transactionId(), event.userId(), sequence, event.signedAmount(), event.balanceAfter(),
                event.description(), event.details(), event.category(), event.context(), at, null);
    }

    @EventHandler
    void on(CreditRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(event.transactionId(), event.userId(), sequence, event.signedAmount(), event.balanceAfter(),
                event.reason(), null, null, ChargeContext.NONE, at, null);
    }

    @EventHandler
    void on(TransactionCanceled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(event.transactionId(), event.userId(), sequence, event.signedAmount(), event.balanceAfter(),
                event.reason(), null, event.category(), event.context(), at, event.canceledTransactionId());
        writes.update("UPDATE ledger_transactions SET canceled_by = ? WHERE id = ?",
                event.transactionId().value(), event.canceledTransactionId().value());
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "ledger_transactions");
    }

    private void insert(TransactionId id, UserId userId, long sequence, Zephycoins amount, Zephycoins balanceAfter,
                        String description, String details, ChargeCategory category, ChargeContext context,
                        Instant at, TransactionId reverses) {
        ChargeContext c = context == null ? ChargeContext.NONE : context;
        writes.update("INSERT INTO ledger_transactions (id, user_id, user_seq, amount, balance_after, description,"
                        + " details, category, occurred_us, project_uid, job_id, computing_start, computing_end,"
                        + " cores_per_sec, calc_count, mesh_count, reverses)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                id.value(), userId.value(), sequence, amount.value(), balanceAfter.value(), description, details,
                category == null ? null : category.json(), Micros.of(at), c.projectUid(), c.jobId(),
                Micros.ofNullable(c.computingStart()), Micros.ofNullable(c.computingEnd()), c.coresPerSec(),
                c.calcCount(), c.meshCount(), reverses == null ? null : reverses.value());
    }
}
