package com.zephycloud.ledger.query.common;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Which events of each aggregate a projection has applied, for projections whose changes are not
 * idempotent (closing and splitting validity ranges): the {@code projection_applied} row of an
 * aggregate holds the place in its stream of the last event applied. Events of one aggregate come
 * in order, on one segment, so the events applied are always a prefix of its stream, and an event
 * at or before that place was applied already: handled a second time (a claim moved, a token was
 * moved back), it is passed over. Read and written in the batch's transaction, with the tables.
 */
public final class AppliedEvents {

    private final JdbcTemplate jdbc;
    private final String projection;

    public AppliedEvents(JdbcTemplate jdbc, String projection) {
        this.jdbc = jdbc;
        this.projection = projection;
    }

    /** Whether the event at {@code sequence} of {@code aggregateId} is new to the projection; if so, records it. */
    public boolean firstTime(String aggregateId, long sequence) {
        List<Long> last = jdbc.queryForList("SELECT last_seq FROM projection_applied WHERE projection = ?"
                + " AND aggregate_id = ?", Long.class, projection, aggregateId);
        if (last.isEmpty()) {
            jdbc.update("INSERT INTO projection_applied (projection, aggregate_id, last_seq) VALUES (?, ?, ?)",
                    projection, aggregateId, sequence);
            return true;
        }
        if (sequence <= last.get(0)) {
            return false;
        }
        jdbc.update("UPDATE projection_applied SET last_seq = ? WHERE projection = ? AND aggregate_id = ?",
                sequence, projection, aggregateId);
        return true;
    }

    /** With the projection's tables, in its reset: a replay applies everything again. */
    public void forget() {
        jdbc.update("DELETE FROM projection_applied WHERE projection = ?", projection);
    }
}
