package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.messaging.ProjectionCatchUp;
import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.events.ledger.LedgerEntryRecorded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Recomputes one user's balance history from the event store (from the first event, never from a
 * snapshot, deserialized and upcast by the application's own serializer) and compares it with the
 * balance-history read model {@code ledger_transactions}, which is read in pages so that a long
 * history never sits in memory at once.
 */
@Component
public class BalanceReplay {

    private static final int PAGE = 5_000;

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final ProjectionCatchUp catchUp;

    public BalanceReplay(EventStore eventStore, JdbcTemplate jdbc, ProjectionCatchUp catchUp) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.catchUp = catchUp;
    }

    /** Empty when the event store holds no event of this user. */
    public Optional<BalanceAudit> replay(long userId) {
        catchUp.await();
        DomainEventStream events = eventStore.readEvents(UserId.of(userId).toString(), 0);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        BalanceComparison comparison = new BalanceComparison();
        ReadModelCursor rows = new ReadModelCursor(userId);
        while (events.hasNext() && !comparison.diverged()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof LedgerEntryRecorded entry) {
                comparison.compare(new LedgerLine(event.getSequenceNumber(), entry.transactionId().value(),
                        entry.signedAmount().value(), entry.balanceAfter().value(), Micros.of(event.getTimestamp())),
                        rows.next());
            }
        }
        LedgerLine extra = comparison.diverged() ? null : rows.next();
        if (extra != null) {
            comparison.extra(extra);
        }
        return Optional.of(comparison.result(userId));
    }

    /** The user's rows of the balance history in sequence order, a page at a time. */
    private final class ReadModelCursor {

        private final long userId;
        private final Deque<LedgerLine> page = new ArrayDeque<>();
        private long after = -1;
        private boolean exhausted;

        ReadModelCursor(long userId) {
            this.userId = userId;
        }

        LedgerLine next() {
            if (page.isEmpty() && !exhausted) {
                jdbc.query("SELECT user_seq, id, amount, balance_after, occurred_us FROM ledger_transactions"
                                + " WHERE user_id = ? AND user_seq > ? ORDER BY user_seq LIMIT " + PAGE,
                        row -> {
                            page.add(new LedgerLine(row.getLong("user_seq"), row.getLong("id"),
                                    row.getBigDecimal("amount"), row.getBigDecimal("balance_after"),
                                    row.getLong("occurred_us")));
                        }, userId, after);
                exhausted = page.size() < PAGE;
                if (!page.isEmpty()) {
                    after = page.getLast().sequence();
                }
            }
            return page.poll();
        }
    }
}
