package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.jdbc.BatchedStatements;
import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.events.ledger.LedgerEntryRecorded;
import com.zephycloud.ledger.kernel.events.users.UserRankChanged;
import com.zephycloud.ledger.kernel.events.users.UserRegistered;
import com.zephycloud.ledger.kernel.events.users.UserRemoved;
import com.zephycloud.ledger.kernel.events.users.UserRestored;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Locale;

/**
 * The {@code users} table: one row per user with its current rank, credit and state. Handled a
 * second time, events change nothing in the end: the row is inserted only if absent, and every
 * update sets a value (the credit is the balance after the entry), so the user's later events,
 * handled again after it, leave the row as it was.
 */
@ProcessingGroup(UserProjection.PROCESSING_GROUP)
public class UserProjection {

    public static final String PROCESSING_GROUP = "users";

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
        writes.updateLatest(new CreditOf(event.userId().value()), "UPDATE users SET credit = ? WHERE user_id = ?",
                event.balanceAfter().value(), event.userId().value());
    }

    /** The key of a user's credit update: the balance after the batch's last entry is what counts. */
    private record CreditOf(long userId) {
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "users");
    }
}
