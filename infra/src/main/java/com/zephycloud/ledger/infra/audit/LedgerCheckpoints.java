package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.query.audit.MerkleTree;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes and reads the signed checkpoints. Making one locks the single row of
 * {@code ledger_checkpoint_lock} first, so instances sharing the database make them one at a
 * time: the second finds the chain heads unchanged since the checkpoint the first just made and
 * answers that one instead of making a duplicate; ids follow each other under the lock (and the
 * primary key refuses a second checkpoint with the same id).
 */
public class LedgerCheckpoints {

    private static final String HEADS = "SELECT c.user_id, c.user_seq, c.hash, c.event_position FROM ledger_chain c"
            + " WHERE c.user_seq = (SELECT MAX(l.user_seq) FROM ledger_chain l WHERE l.user_id = c.user_id)"
            + " ORDER BY c.user_id";
    private static final String COLUMNS = "checkpoint_id, created_us, event_position, leaf_count, root,"
            + " signed_message, signature, public_key";
    private static final RowMapper<Checkpoint> CHECKPOINT = (row, n) -> new Checkpoint(row.getLong(1), row.getLong(2),
            row.getLong(3), row.getLong(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CheckpointSigner signer;
    private final Clock clock;

    public LedgerCheckpoints(JdbcTemplate jdbc, TransactionTemplate transactions, CheckpointSigner signer, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.signer = signer;
        this.clock = clock;
    }

    /** A checkpoint over the chain heads as stored now: a new one, or the latest when no head moved since. */
    public Checkpoint make() {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT id FROM ledger_checkpoint_lock WHERE id = 1 FOR UPDATE", Integer.class);
            long[] position = {-1};
            List<CheckpointLeaf> leaves = jdbc.query(HEADS, (row, n) -> {
                position[0] = Math.max(position[0], row.getLong(4));
                return new CheckpointLeaf(row.getLong(1), row.getLong(2), row.getString(3));
            });
            Optional<Checkpoint> latest = latest();
            if (latest.isPresent() && latest.get().eventPosition() == position[0]
                    && latest.get().leafCount() == leaves.size()) {
                return latest.get();
            }
            long id = latest.map(Checkpoint::checkpointId).orElse(0L) + 1;
            long createdUs = Micros.of(clock.instant());
            String root = new MerkleTree(leaves.stream().map(CheckpointLeaf::hash).toList()).root();
            String message = Checkpoint.message(id, createdUs, position[0], leaves.size(), root);
            Checkpoint checkpoint = new Checkpoint(id, createdUs, position[0], leaves.size(), root, message,
                    signer.sign(message), signer.publicKey());
            jdbc.update("INSERT INTO ledger_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id,
                    createdUs, position[0], (long) leaves.size(), root, message, checkpoint.signature(),
                    checkpoint.publicKey());
            List<Object[]> rows = new ArrayList<>(leaves.size());
            for (int i = 0; i < leaves.size(); i++) {
                CheckpointLeaf leaf = leaves.get(i);
                rows.add(new Object[]{id, (long) i, leaf.userId(), leaf.sequence(), leaf.head()});
            }
            jdbc.batchUpdate("INSERT INTO ledger_checkpoint_leaf (checkpoint_id, leaf_index, user_id, user_seq, head)"
                    + " VALUES (?, ?, ?, ?, ?)", rows);
            return checkpoint;
        });
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_checkpoint ORDER BY checkpoint_id DESC LIMIT 1",
                CHECKPOINT).stream().findFirst();
    }

    public Optional<Checkpoint> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_checkpoint WHERE checkpoint_id = ?", CHECKPOINT, id)
                .stream().findFirst();
    }

    /** The leaves of checkpoint {@code id}, in Merkle order. */
    public List<CheckpointLeaf> leaves(long id) {
        return jdbc.query("SELECT user_id, user_seq, head FROM ledger_checkpoint_leaf WHERE checkpoint_id = ?"
                + " ORDER BY leaf_index", (row, n) -> new CheckpointLeaf(row.getLong(1), row.getLong(2),
                row.getString(3)), id);
    }

    /** The latest checkpoint's leaf of {@code userId}, with that checkpoint's id; empty when none covers the user. */
    public Optional<CoveredHead> latestHeadOf(long userId) {
        return jdbc.query("SELECT checkpoint_id, user_seq, head FROM ledger_checkpoint_leaf WHERE user_id = ?"
                        + " ORDER BY checkpoint_id DESC LIMIT 1",
                (row, n) -> new CoveredHead(row.getLong(1), new CheckpointLeaf(userId, row.getLong(2),
                        row.getString(3))), userId).stream().findFirst();
    }

    /** Checkpoint {@code id}'s leaf of {@code userId}. */
    public Optional<CheckpointLeaf> leafOf(long id, long userId) {
        return jdbc.query("SELECT user_seq, head FROM ledger_checkpoint_leaf WHERE checkpoint_id = ? AND user_id = ?",
                (row, n) -> new CheckpointLeaf(userId, row.getLong(1), row.getString(2)), id, userId).stream()
                .findFirst();
    }

    /** A checkpoint's leaf of one user. */
    public record CoveredHead(long checkpointId, CheckpointLeaf leaf) {
    }
}
