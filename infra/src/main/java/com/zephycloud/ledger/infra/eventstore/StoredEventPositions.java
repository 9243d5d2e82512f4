package com.zephycloud.ledger.infra.eventstore;

import com.zephycloud.ledger.query.common.EventPositions;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Event positions read from the event table by its unique index on the event identifier, a few hundred per query. */
public final class StoredEventPositions implements EventPositions {

    private static final int PER_QUERY = 500;

    private final JdbcTemplate jdbc;

    public StoredEventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> of(Collection<String> eventIdentifiers) {
        List<String> all = new ArrayList<>(eventIdentifiers);
        Map<String, Long> positions = new HashMap<>(all.size() * 2);
        for (int start = 0; start < all.size(); start += PER_QUERY) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + PER_QUERY));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier IN ("
                    + marks + ")", row -> {
                positions.put(row.getString(1), row.getLong(2));
            }, chunk.toArray());
        }
        return positions;
    }
}
