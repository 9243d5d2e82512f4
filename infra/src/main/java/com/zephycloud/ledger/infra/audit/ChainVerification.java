package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.messaging.ProjectionCatchUp;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.events.ledger.LedgerEntryRecorded;
import com.zephycloud.ledger.query.audit.ChainLink;
import com.zephycloud.ledger.query.audit.Sha256;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Recomputes one user's hash chain from the event store (the account's events from the first,
 * never a snapshot or a read model) and reports the first link where it breaks: an event whose
 * balance does not follow from the one before, a stored link of {@code ledger_chain} that differs
 * from the recomputed one in any field or hash, or the latest checkpoint's signed head of the user
 * that the recomputed chain does not reach.
 */
public class ChainVerification {

    private static final int PAGE = 5_000;

    private final EventStore eventStore;
    private final ChainRows rows;
    private final LedgerCheckpoints checkpoints;
    private final ProjectionCatchUp catchUp;

    public ChainVerification(EventStore eventStore, ChainRows rows, LedgerCheckpoints checkpoints,
                             ProjectionCatchUp catchUp) {
        this.eventStore = eventStore;
        this.rows = rows;
        this.checkpoints = checkpoints;
        this.catchUp = catchUp;
    }

    /** Empty when the event store holds no event of this user. */
    public Optional<ChainAudit> verify(long userId) {
        catchUp.await();
        Optional<LedgerCheckpoints.CoveredHead> signed = checkpoints.latestHeadOf(userId);
        DomainEventStream events = eventStore.readEvents(UserId.of(userId).toString(), 0);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        Cursor stored = new Cursor(userId);
        String previous = Sha256.ZERO;
        BigDecimal balance = BigDecimal.ZERO;
        long checked = 0;
        String signedHeadRecomputed = null;
        ChainBreak found = null;
        while (events.hasNext() && found == null) {
            DomainEventMessage<?> event = events.next();
            if (!(event.getPayload() instanceof LedgerEntryRecorded entry)) {
                continue;
            }
            ChainLink link = ChainLink.of(entry, event.getSequenceNumber(), event.getTimestamp(), previous);
            balance = balance.add(entry.signedAmount().value());
            if (balance.compareTo(entry.balanceAfter().value()) != 0) {
                found = new ChainBreak(link.sequence(), link.transactionId(), "balance_after", ChainLink.plain(balance),
                        ChainLink.plain(entry.balanceAfter().value()), "event_store");
                break;
            }
            found = compare(link, stored.next());
            if (found != null) {
                break;
            }
            previous = link.hash();
            checked++;
            if (signed.isPresent() && signed.get().leaf().sequence() == link.sequence()) {
                signedHeadRecomputed = previous;
            }
        }
        if (found == null) {
            StoredLink extra = stored.next();
            if (extra != null) {
                found = new ChainBreak(extra.link().sequence(), extra.link().transactionId(), "link", null,
                        extra.hash(), "ledger_chain");
            }
        }
        if (found == null && signed.isPresent() && !signed.get().leaf().head().equals(signedHeadRecomputed)) {
            CheckpointLeaf leaf = signed.get().leaf();
            found = new ChainBreak(leaf.sequence(), null, "hash", signedHeadRecomputed, leaf.head(),
                    "checkpoint " + signed.get().checkpointId());
        }
        return Optional.of(new ChainAudit(userId, found == null ? ChainAudit.INTACT : ChainAudit.BROKEN, checked,
                previous, signed.map(LedgerCheckpoints.CoveredHead::checkpointId).orElse(null), found));
    }

    /** The first field in which the stored link differs from the recomputed one; null when none does. */
    private static ChainBreak compare(ChainLink expected, StoredLink stored) {
        if (stored == null) {
            return new ChainBreak(expected.sequence(), expected.transactionId(), "link", expected.hash(), null,
                    "ledger_chain");
        }
        ChainLink found = stored.link();
        String[][] fields = {
                {"sequence", Long.toString(expected.sequence()), Long.toString(found.sequence())},
                {"transaction_id", Long.toString(expected.transactionId()), Long.toString(found.transactionId())},
                {"event_type", expected.eventType(), found.eventType()},
                {"amount", ChainLink.plain(expected.amount()), ChainLink.plain(found.amount())},
                {"balance_after", ChainLink.plain(expected.balanceAfter()), ChainLink.plain(found.balanceAfter())},
                {"occurred_us", Long.toString(expected.occurredUs()), Long.toString(found.occurredUs())},
                {"description_sha256", expected.descriptionSha256(), found.descriptionSha256()},
                {"previous_hash", expected.previousHash(), found.previousHash()},
                {"hash", expected.hash(), stored.hash()},
        };
        for (String[] field : fields) {
            if (!Objects.equals(field[1], field[2])) {
                return new ChainBreak(expected.sequence(), expected.transactionId(), field[0], field[1], field[2],
                        "ledger_chain");
            }
        }
        return null;
    }

    /** The user's stored links in sequence order, a page at a time. */
    private final class Cursor {
        private final long userId;
        private final Deque<StoredLink> page = new ArrayDeque<>();
        private long after = -1;
        private boolean exhausted;

        Cursor(long userId) {
            this.userId = userId;
        }

        StoredLink next() {
            if (page.isEmpty() && !exhausted) {
                page.addAll(rows.after(userId, after, PAGE));
                exhausted = page.size() < PAGE;
                if (!page.isEmpty()) {
                    after = page.getLast().link().sequence();
                }
            }
            return page.poll();
        }
    }
}
