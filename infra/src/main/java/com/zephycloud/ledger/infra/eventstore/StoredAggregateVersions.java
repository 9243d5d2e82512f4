package com.zephycloud.ledger.infra.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The sequence number of an aggregate's last stored event, read in the current transaction by the
 * event table's unique index on (aggregate, sequence number): one index descent, however long the
 * aggregate's history. Written as {@code ORDER BY … DESC LIMIT 1}, not {@code max(…)}: PostgreSQL
 * answered {@code max} by reading every index entry of the aggregate whenever its statistics
 * counted few rows (a new or growing table), which made each command's cost grow with the
 * account's history (measured: 125 consumptions/s instead of 1,200–2,500).
 * <p>
 * A group of commands committed together reads them for all its aggregates in one statement
 * first ({@link #readAhead}), instead of one round trip per command: under load that was a
 * quarter of the group commit's time, spent waiting for the database one command after another.
 */
public class StoredAggregateVersions {

    private static final String LAST_SEQUENCE =
            "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " ORDER BY sequence_number DESC LIMIT 1";
    /** The same descent per identifier; {@code %s}: one {@code (?)} per identifier. */
    private static final String LAST_SEQUENCES = "SELECT wanted.id, (SELECT e.sequence_number FROM domain_event_entry e"
            + " WHERE e.aggregate_identifier = wanted.id ORDER BY e.sequence_number DESC LIMIT 1)"
            + " FROM (VALUES %s) AS wanted(id)";

    private final JdbcTemplate jdbc;
    private final ThreadLocal<Map<String, Long>> readAhead = new ThreadLocal<>();

    public StoredAggregateVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last stored sequence number of {@code aggregateIdentifier}, -1 when it has no event. */
    public long last(String aggregateIdentifier) {
        Map<String, Long> known = readAhead.get();
        Long last = known == null ? null : known.get(aggregateIdentifier);
        if (last == null) {
            last = jdbc.query(LAST_SEQUENCE, rows -> rows.next() ? rows.getLong(1) : -1L, aggregateIdentifier);
        }
        return last == null ? -1 : last;
    }

    /**
     * Reads the last sequence numbers of {@code aggregateIdentifiers} now, in one statement, and
     * answers {@link #last} from them on this thread until the returned reading is closed: the
     * caller keeps it within one transaction, in which they are what the store held when it
     * began (the commands of a group commit were all received before it). An aggregate the
     * reading does not hold is read as before.
     */
    public ReadAhead readAhead(Collection<String> aggregateIdentifiers) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(aggregateIdentifiers));
        Map<String, Long> known = new HashMap<>();
        if (!ids.isEmpty()) {
            String sql = String.format(LAST_SEQUENCES, String.join(", ", Collections.nCopies(ids.size(), "(?)")));
            jdbc.query(sql, rows -> {
                String id = rows.getString(1);
                long last = rows.getLong(2);
                known.put(id, rows.wasNull() ? -1L : last);
            }, ids.toArray());
        }
        readAhead.set(known);
        return readAhead::remove;
    }

    /** A reading made by {@link #readAhead}; closing it ends it on the thread. */
    public interface ReadAhead extends AutoCloseable {
        @Override
        void close();
    }
}
