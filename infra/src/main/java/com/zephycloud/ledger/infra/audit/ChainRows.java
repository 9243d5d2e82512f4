package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.query.audit.ChainLink;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Optional;

/** Reads the chain's read model, {@code ledger_chain}. */
public class ChainRows {

    private static final String SELECT = "SELECT user_id, user_seq, transaction_id, event_type, amount, balance_after,"
            + " occurred_us, description_sha256, previous_hash, hash, event_position FROM ledger_chain";
    private static final RowMapper<StoredLink> LINK = (row, n) -> new StoredLink(new ChainLink(row.getLong(1),
            row.getLong(2), row.getLong(3), row.getString(4), row.getBigDecimal(5), row.getBigDecimal(6), row.getLong(7),
            row.getString(8), row.getString(9)), row.getString(10), row.getLong(11));

    private final JdbcTemplate jdbc;

    public ChainRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredLink> ofTransaction(long transactionId) {
        return jdbc.query(SELECT + " WHERE transaction_id = ?", LINK, transactionId).stream().findFirst();
    }

    /** The user's links from sequence {@code first} to {@code last}, both included, in order. */
    public List<StoredLink> between(long userId, long first, long last) {
        return jdbc.query(SELECT + " WHERE user_id = ? AND user_seq BETWEEN ? AND ? ORDER BY user_seq", LINK, userId,
                first, last);
    }

    /** At most {@code limit} of the user's links after sequence {@code after}, in order. */
    public List<StoredLink> after(long userId, long after, int limit) {
        return jdbc.query(SELECT + " WHERE user_id = ? AND user_seq > ? ORDER BY user_seq LIMIT " + limit, LINK, userId,
                after);
    }

    /** The user's last link stamped at or before {@code us}; empty before the first. */
    public Optional<StoredLink> headAt(long userId, long us) {
        return jdbc.query(SELECT + " WHERE user_id = ? AND occurred_us <= ? ORDER BY occurred_us DESC, user_seq DESC"
                + " LIMIT 1", LINK, userId, us).stream().findFirst();
    }

    public boolean userExists(long userId) {
        return !jdbc.queryForList("SELECT user_id FROM users WHERE user_id = ?", Long.class, userId).isEmpty();
    }
}
