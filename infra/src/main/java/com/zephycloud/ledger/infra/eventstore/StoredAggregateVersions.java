package com.zephycloud.ledger.infra.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sequence number of an aggregate's last stored event, read in the current transaction by the
 * event table's unique index on (aggregate, sequence number): one index descent, however long the
 * aggregate's history.
 */
public class StoredAggregateVersions {

    private static final String LAST_SEQUENCE =
            "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?";

    private final JdbcTemplate jdbc;

    public StoredAggregateVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last stored sequence number of {@code aggregateIdentifier}, -1 when it has no event. */
    public long last(String aggregateIdentifier) {
        Long last = jdbc.queryForObject(LAST_SEQUENCE, Long.class, aggregateIdentifier);
        return last == null ? -1 : last;
    }
}
