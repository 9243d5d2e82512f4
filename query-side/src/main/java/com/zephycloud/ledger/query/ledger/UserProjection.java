package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.jdbc.BatchedStatements;
import com.zephycloud.ledger.jdbc.InListQuery;
import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.jdbc.PerBatch;
import com.zephycloud.ledger.kernel.MonthlySpend;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.BalanceRestored;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.LedgerEntryRecorded;
import com.zephycloud.ledger.kernel.events.ledger.LowBalanceReached;
import com.zephycloud.ledger.kernel.events.ledger.LowBalanceThresholdChanged;
import com.zephycloud.ledger.kernel.events.ledger.MonthlySpendLimitChanged;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;
import com.zephycloud.ledger.kernel.events.users.UserRankChanged;
import com.zephycloud.ledger.kernel.events.users.UserRegistered;
import com.zephycloud.ledger.kernel.events.users.UserRemoved;
import com.zephycloud.ledger.kernel.events.users.UserRestored;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The {@code users} table: one row per user with its current rank, credit and state, its limits,
 * and the spend of the month of its last charge, counted by the rule of {@link MonthlySpend}.
 * Handled a second time, events change nothing in the end: the row is inserted only if absent,
 * every other update sets a value (the credit is the balance after the entry), and the month's
 * spend keeps {@code spend_seq}, the place in the user's stream of the last charge counted, so that
 * a charge at or before it is not counted again.
 * <p>
 * The month's spend is written once per user and batch: the batch's charges and refunds are kept
 * per user, and when the batch is written the users' spends are read in one query, brought up to
 * date in memory and set. A rebuild's batch of thousands of charges over a few hundred users
 * costs a few hundred updates instead of one per charge.
 */
@ProcessingGroup(UserProjection.PROCESSING_GROUP)
public class UserProjection {

    public static final String PROCESSING_GROUP = "users";

    private final JdbcTemplate jdbc;
    private final BatchedStatements writes;
    /** Per user, the batch's changes to the month's spend, in the user's order. */
    private final PerBatch<Map<Long, List<SpendChange>>> spends = new PerBatch<>(LinkedHashMap::new, this::writeSpends);

    public UserProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedStatements(jdbc);
    }

    @EventHandler
    void on(UserRegistered event, @Timestamp Instant at) {
        writes.update("INSERT INTO users (user_id, login, email, rank, credit, deleted, created_us)"
                        + " VALUES (?, ?, ?, ?, 0, FALSE, ?) ON CONFLICT DO NOTHING",
                event.userId().value(), event.login(), event.email().toLowerCase(Locale.ROOT),
                event.rank().json(), Micros.of(at));
    }

    @EventHandler
    void on(UserRemoved event) {
        writes.update("UPDATE users SET deleted = TRUE WHERE user_id = ?", event.userId().value());
    }

    @EventHandler
    void on(UserRestored event) {
        writes.update("UPDATE users SET deleted = FALSE WHERE user_id = ?", event.userId().value());
    }

    @EventHandler
    void on(UserRankChanged event) {
        writes.update("UPDATE users SET rank = ? WHERE user_id = ?", event.rank().json(), event.userId().value());
    }

    @EventHandler
    void on(LedgerEntryRecorded event) {
        updateCredit(event);
    }

    /** Axon calls one handler per event of this class, the most specific: a charge's updates its credit too. */
    private void updateCredit(LedgerEntryRecorded event) {
        writes.updateLatest(new CreditOf(event.userId().value()), "UPDATE users SET credit = ? WHERE user_id = ?",
                event.balanceAfter().value(), event.userId().value());
    }

    @EventHandler
    void on(CreditConsumed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        updateCredit(event);
        changeSpend(event.userId().value(), new SpendChange(sequence, at, event.amount(), false));
    }

    /** A charge given back lowers the spend of the month of the cancellation, never below zero. */
    @EventHandler
    void on(TransactionCanceled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        updateCredit(event);
        if (event.category() == null || !event.reversalAmount().isPositive()) {
            return;
        }
        changeSpend(event.userId().value(), new SpendChange(sequence, at, event.reversalAmount(), true));
    }

    private void changeSpend(long userId, SpendChange change) {
        spends.add(batch -> batch.computeIfAbsent(userId, id -> new ArrayList<>()).add(change));
    }

    /**
     * Runs after the batch's other statements (its {@link BatchedStatements} was used first, by the
     * credit update of the same event, so it prepares to commit first): a user registered in this
     * batch has its row.
     */
    private void writeSpends(Map<Long, List<SpendChange>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Object[]> updates = new ArrayList<>(batch.size());
        InListQuery.query(jdbc, "SELECT user_id, spend_month_us, month_spend, spend_seq FROM users WHERE user_id IN",
                new ArrayList<>(batch.keySet()), row -> {
                    long userId = row.getLong(1);
                    MonthlySpend spend = new MonthlySpend(MonthlySpend.monthOf(Micros.toInstant(row.getLong(2))),
                            Zephycoins.of(row.getBigDecimal(3)));
                    long counted = row.getObject(4) == null ? -1 : row.getLong(4);
                    long last = counted;
                    for (SpendChange change : batch.get(userId)) {
                        if (change.sequence() > last) {
                            spend = change.refund() ? spend.refunded(change.at(), change.amount())
                                    : spend.charged(change.at(), change.amount());
                            last = change.sequence();
                        }
                    }
                    if (last > counted) {
                        updates.add(new Object[] {spend.spent().value(),
                            Micros.of(MonthlySpend.startOf(spend.month())), last, userId});
                    }
                });
        jdbc.batchUpdate("UPDATE users SET month_spend = ?, spend_month_us = ?, spend_seq = ? WHERE user_id = ?",
                updates);
    }

    @EventHandler
    void on(MonthlySpendLimitChanged event) {
        writes.update("UPDATE users SET monthly_spend_limit = ? WHERE user_id = ?",
                valueOf(event.limit()), event.userId().value());
    }

    /** A cleared threshold ends the watch: the balance is no longer called low. */
    @EventHandler
    void on(LowBalanceThresholdChanged event) {
        writes.update("UPDATE users SET low_balance_threshold = ?, low_balance = low_balance AND ? WHERE user_id = ?",
                valueOf(event.threshold()), event.threshold() != null, event.userId().value());
    }

    @EventHandler
    void on(LowBalanceReached event) {
        writes.update("UPDATE users SET low_balance = TRUE WHERE user_id = ?", event.userId().value());
    }

    @EventHandler
    void on(BalanceRestored event) {
        writes.update("UPDATE users SET low_balance = FALSE WHERE user_id = ?", event.userId().value());
    }

    private static BigDecimal valueOf(Zephycoins amount) {
        return amount == null ? null : amount.value();
    }

    /** A charge ({@code refund} false) or a charge given back, at {@code sequence} of the user's stream. */
    private record SpendChange(long sequence, Instant at, Zephycoins amount, boolean refund) {
    }

    /** The key of a user's credit update: the balance after the batch's last entry is what counts. */
    private record CreditOf(long userId) {
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "users");
    }
}
