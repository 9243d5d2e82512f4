package com.zephycloud.ledger.infra.support;

import com.zephycloud.ledger.infra.ledger.SequenceIdAllocator;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.CreditRemoved;
import com.zephycloud.ledger.kernel.events.ledger.LedgerEntryRecorded;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;
import com.zephycloud.ledger.kernel.events.users.UserRegistered;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes one user's ledger history straight into the event store, each event stamped with a
 * chosen time, the way the account aggregate would have written it (sequence numbers and
 * balances chained). Projections and registers see it as any other history.
 */
public final class LedgerHistory {

    private static final String TYPE = "UserAccount";

    private final UserId userId;
    private final SequenceIdAllocator ids;
    private final List<DomainEventMessage<?>> pending = new ArrayList<>();
    private final List<Recorded> recorded = new ArrayList<>();
    private long sequence;
    private Zephycoins balance = Zephycoins.ZERO;

    private LedgerHistory(UserId userId, SequenceIdAllocator ids) {
        this.userId = userId;
        this.ids = ids;
    }

    /** A new user, registered at {@code at}. */
    public static LedgerHistory register(SequenceIdAllocator ids, String login, Instant at) {
        LedgerHistory history = new LedgerHistory(ids.nextUserId(), ids);
        history.append(new UserRegistered(history.userId, login, login + "@example.com", "hash", Rank.GOLD), at);
        return history;
    }

    /** A transaction as written, with the time it was stamped with. */
    public record Recorded(LedgerEntryRecorded event, Instant at) {
    }

    public UserId userId() {
        return userId;
    }

    public Zephycoins balance() {
        return balance;
    }

    public List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    public TransactionId add(String coins, String reason, Instant at) {
        TransactionId id = ids.next();
        Zephycoins amount = Zephycoins.of(coins);
        record(new CreditAdded(userId, id, amount, reason, balance.plus(amount)), at);
        return id;
    }

    public TransactionId remove(String coins, String reason, Instant at) {
        TransactionId id = ids.next();
        Zephycoins amount = Zephycoins.of(coins);
        record(new CreditRemoved(userId, id, amount, reason, balance.minus(amount)), at);
        return id;
    }

    public TransactionId consume(String coins, String description, ChargeCategory category, ChargeContext context,
                                 Instant at) {
        TransactionId id = ids.next();
        Zephycoins amount = Zephycoins.of(coins);
        record(new CreditConsumed(userId, id, amount, description, null, category, context, balance.minus(amount)),
                at);
        return id;
    }

    public TransactionId cancel(TransactionId original, Zephycoins originalSignedAmount, ChargeCategory category,
                                ChargeContext context, String reason, Instant at) {
        TransactionId id = ids.next();
        Zephycoins reversal = originalSignedAmount.negate();
        record(new TransactionCanceled(userId, id, original, reversal, reason, category, context,
                balance.plus(reversal)), at);
        return id;
    }

    /** Stores the pending events in one transaction. */
    public LedgerHistory store(EventStore eventStore, TransactionTemplate transactions) {
        List<DomainEventMessage<?>> batch = List.copyOf(pending);
        pending.clear();
        transactions.executeWithoutResult(status -> eventStore.publish(batch));
        return this;
    }

    /** The event store keeps event times to the millisecond: the history records what it keeps. */
    private void record(LedgerEntryRecorded event, Instant at) {
        balance = event.balanceAfter();
        recorded.add(new Recorded(event, at.truncatedTo(ChronoUnit.MILLIS)));
        append(event, at);
    }

    private void append(Object payload, Instant at) {
        pending.add(new GenericDomainEventMessage<>(TYPE, userId.toString(), sequence++, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at.truncatedTo(ChronoUnit.MILLIS)));
    }
}
