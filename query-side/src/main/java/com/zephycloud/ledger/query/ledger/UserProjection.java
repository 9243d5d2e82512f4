package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.jdbc.BatchedStatements;
import com.zephycloud.ledger.jdbc.Micros;
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
import java.util.Locale;

/**
 * The {@code users} table: one row per user with its current rank, credit and state, its limits,
 * and the spend of the month of its last charge, counted by the rule of {@link MonthlySpend}
 * (written here in SQL, so that a batch of charges needs no read). Handled a second time, events
 * change nothing in the end: the row is inserted only if absent, every other update but the
 * month's spend sets a value (the credit is the balance after the entry), and the month's spend
 * keeps {@code spend_seq}, the place in the user's stream of the last charge counted, so that a
 * charge at or before it is not counted again.
 */
@ProcessingGroup(UserProjection.PROCESSING_GROUP)
public class UserProjection {

    public static final String PROCESSING_GROUP = "users";

    /** The charge at the last parameter comes after the last one counted in the month's spend. */
    private static final String NOT_COUNTED = "(spend_seq IS NULL OR spend_seq < ?)";

    private final JdbcTemplate jdbc;
    private final BatchedStatements writes;

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
        long month = monthOf(at);
        writes.update("UPDATE users SET month_spend = CASE WHEN spend_month_us = ? THEN month_spend + ? ELSE ? END,"
                        + " spend_month_us = ?, spend_seq = ? WHERE user_id = ? AND " + NOT_COUNTED,
                month, event.amount().value(), event.amount().value(), month, sequence, event.userId().value(),
                sequence);
    }

    /** A charge given back lowers the spend of the month of the cancellation, never below zero. */
    @EventHandler
    void on(TransactionCanceled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        updateCredit(event);
        if (event.category() == null || !event.reversalAmount().isPositive()) {
            return;
        }
        long month = monthOf(at);
        writes.update("UPDATE users SET month_spend = CASE WHEN spend_month_us = ?"
                        + " THEN GREATEST(month_spend - ?, 0) ELSE 0 END, spend_month_us = ?, spend_seq = ?"
                        + " WHERE user_id = ? AND " + NOT_COUNTED,
                month, event.reversalAmount().value(), month, sequence, event.userId().value(), sequence);
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

    private static long monthOf(Instant at) {
        return Micros.of(MonthlySpend.startOf(MonthlySpend.monthOf(at)));
    }

    private static BigDecimal valueOf(Zephycoins amount) {
        return amount == null ? null : amount.value();
    }

    /** The key of a user's credit update: the balance after the batch's last entry is what counts. */
    private record CreditOf(long userId) {
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "users");
    }
}
