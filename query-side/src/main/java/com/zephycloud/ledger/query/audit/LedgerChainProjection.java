package com.zephycloud.ledger.query.audit;

import com.zephycloud.ledger.jdbc.BatchSender;
import com.zephycloud.ledger.jdbc.PerBatch;
import com.zephycloud.ledger.kernel.events.ledger.LedgerEntryRecorded;
import com.zephycloud.ledger.query.common.EventPositions;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ledger_chain} table: each user's transactions as a hash chain, every link holding
 * the hash of the one before. Events of one user come in order, on one thread (sequencing per
 * aggregate), so the previous hash is the user's last link: from the links of the current batch
 * (not yet written) or else from the table. A link is keyed by its event's place in the user's
 * stream, and the user's links are always a prefix of that stream: an event at or before the
 * user's last link was linked already (handled a second time, after a claim moved or a token was
 * moved back) and is passed over, so the next new one still chains to the right hash.
 * <p>
 * A link records its event's position in the store, looked up by event identifier for the whole
 * batch when it is written ({@link EventPositions}: the handler's token may hold a later position).
 */
@ProcessingGroup(LedgerChainProjection.PROCESSING_GROUP)
public class LedgerChainProjection {

    public static final String PROCESSING_GROUP = "ledger-chain";

    private static final String INSERT = "INSERT INTO ledger_chain (user_id, user_seq, transaction_id, event_type,"
            + " amount, balance_after, occurred_us, description_sha256, previous_hash, hash, event_position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final BatchSender batches;
    private final EventPositions positions;
    private final PerBatch<Links> links = new PerBatch<>(Links::new, this::write);

    public LedgerChainProjection(JdbcTemplate jdbc, BatchSender batches, EventPositions positions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.positions = positions;
    }

    @EventHandler
    void on(LedgerEntryRecorded entry, @SequenceNumber long sequence, @Timestamp Instant at,
            @MessageIdentifier String eventId) {
        links.add(batch -> {
            long userId = entry.userId().value();
            Head previous = batch.heads.computeIfAbsent(userId, this::storedHead);
            if (sequence <= previous.sequence()) {
                return;
            }
            ChainLink link = ChainLink.of(entry, sequence, at, previous.hash());
            String hash = link.hash();
            batch.heads.put(userId, new Head(sequence, hash));
            batch.pending.add(new Pending(link, hash, eventId));
        });
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "ledger_chain");
    }

    private void write(Links batch) {
        if (batch.pending.isEmpty()) {
            return;
        }
        Map<String, Long> stored = positions.of(batch.pending.stream().map(Pending::eventId).toList());
        List<Object[]> rows = new ArrayList<>(batch.pending.size());
        for (Pending pending : batch.pending) {
            Long position = stored.get(pending.eventId());
            if (position == null) {
                throw new IllegalStateException("event " + pending.eventId() + " of user " + pending.link().userId()
                        + " is not in the event store");
            }
            ChainLink link = pending.link();
            rows.add(new Object[] {link.userId(), link.sequence(), link.transactionId(), link.eventType(),
                link.amount(), link.balanceAfter(), link.occurredUs(), link.descriptionSha256(), link.previousHash(),
                pending.hash(), position});
        }
        batches.send(INSERT, rows);
    }

    private Head storedHead(long userId) {
        List<Head> last = jdbc.query("SELECT user_seq, hash FROM ledger_chain WHERE user_id = ?"
                + " ORDER BY user_seq DESC LIMIT 1", (row, n) -> new Head(row.getLong(1), row.getString(2)), userId);
        return last.isEmpty() ? new Head(-1, Sha256.ZERO) : last.get(0);
    }

    /** The current batch: each user's last link, and the links still to write. */
    private static final class Links {
        final Map<Long, Head> heads = new HashMap<>();
        final List<Pending> pending = new ArrayList<>();
    }

    /** A link to write, with its hash and the identifier of its event. */
    private record Pending(ChainLink link, String hash, String eventId) {
    }

    /** A user's last link: its place in the user's stream and its hash. */
    private record Head(long sequence, String hash) {
    }
}
