package com.zephycloud.ledger.infra.eventstore;

import com.zephycloud.ledger.jdbc.InListQuery;
import com.zephycloud.ledger.query.common.EventPositions;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Event positions read from the event table by its unique index on the event identifier. */
public final class StoredEventPositions implements EventPositions {

    private final JdbcTemplate jdbc;

    public StoredEventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> of(Collection<String> eventIdentifiers) {
        Map<String, Long> positions = new HashMap<>(eventIdentifiers.size() * 2);
        InListQuery.query(jdbc, "SELECT event_identifier, global_index FROM domain_event_entry"
                + " WHERE event_identifier IN", new ArrayList<>(eventIdentifiers), row -> {
                    positions.put(row.getString(1), row.getLong(2));
                });
        return positions;
    }
}
