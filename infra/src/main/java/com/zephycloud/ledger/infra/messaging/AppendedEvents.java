package com.zephycloud.ledger.infra.messaging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which events were stored in a range of the event store, by type and aggregate, without their
 * payloads: enough to tell which processors and which of their segments have to handle them.
 */
@Component
public class AppendedEvents {

    /** One stored event; {@code payloadType} empty when its class is not on this instance's class path. */
    public record Appended(long position, Optional<Class<?>> payloadType, String aggregateId) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();

    public AppendedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The events after position {@code after}, up to {@code upTo} included, in position order. */
    public List<Appended> between(long after, long upTo) {
        List<Appended> events = new ArrayList<>();
        jdbc.query("SELECT global_index, payload_type, aggregate_identifier FROM domain_event_entry"
                        + " WHERE global_index > ? AND global_index <= ? ORDER BY global_index",
                row -> {
                    events.add(new Appended(row.getLong(1), type(row.getString(2)), row.getString(3)));
                }, after, upTo);
        return events;
    }

    private Optional<Class<?>> type(String name) {
        return classes.computeIfAbsent(name, className -> {
            try {
                return Optional.of(Class.forName(className, false, AppendedEvents.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
    }
}
