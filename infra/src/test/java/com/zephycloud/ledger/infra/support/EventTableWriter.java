package com.zephycloud.ledger.infra.support;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the event table directly, serialized with the application's event
 * serializer exactly as Axon stores them: for tests and benchmarks that need many events fast,
 * or need to hold an append open in a transaction of their own.
 */
public final class EventTableWriter {

    public static final String INSERT = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One event to append. */
    public record Row(String aggregateId, long sequence, Object payload, Instant time) {
    }

    private final Serializer serializer;
    private final byte[] emptyMetaData;

    public EventTableWriter(Serializer serializer) {
        this.serializer = serializer;
        this.emptyMetaData = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
    }

    /** Appends {@code rows} in batches, each batch committed; answers the event ids in order. */
    public List<String> append(JdbcTemplate jdbc, List<Row> rows) {
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Row> batch = rows.subList(from, Math.min(rows.size(), from + 1000));
            List<Object[]> arguments = new ArrayList<>();
            for (Row row : batch) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                arguments.add(arguments(id, row));
            }
            jdbc.batchUpdate(INSERT, arguments);
        }
        return ids;
    }

    /** Appends one event on {@code connection}, in whatever transaction it has open; answers its position. */
    public long append(Connection connection, Row row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            Object[] values = arguments(UUID.randomUUID().toString(), row);
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("global_index");
            }
        }
    }

    private Object[] arguments(String id, Row row) {
        SerializedObject<byte[]> payload = serializer.serialize(row.payload(), byte[].class);
        return new Object[]{id, row.aggregateId(), row.sequence(), "UserAccount", DateTimeUtils.formatInstant(row.time()),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), emptyMetaData};
    }

    public static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
