package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.zephycloud.ledger.infra.eventstore.StoredTimestamps;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads published events straight from the event table, the source of truth, in position order.
 * It reads a window of rows after the asked position, stops before an unsettled gap
 * ({@link GapRule}), keeps the rows that pass the filters, and answers the position to ask from
 * next. A filtered read looks at up to {@code scanWindow} rows, so that a rare type or one job's
 * events are found without a request per row.
 */
public class EventFeed {

    /** A prefix of the stored timestamps (ISO-8601 UTC): compares correctly as text at a second's precision. */
    private static final DateTimeFormatter SECOND_PREFIX = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number,"
            + " time_stamp, payload_type, payload_revision, payload";

    private final JdbcTemplate jdbc;
    private final StoredEventMapper mapper;
    private final GapRule gaps;
    private final int scanWindow;
    private final PublishedEventWriter writer;

    public EventFeed(JdbcTemplate jdbc, StoredEventMapper mapper, GapRule gaps, int scanWindow) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.gaps = gaps;
        this.scanWindow = scanWindow;
        this.writer = new PublishedEventWriter(mapper);
    }

    public FeedPage read(FeedQuery query) {
        List<PublishedEvent> events = new ArrayList<>();
        long next = scan(query, (row, position, storedTime, time) -> {
            read(row, position, time, query).ifPresent(events::add);
            return events.size() < query.limit();
        });
        return new FeedPage(events, next);
    }

    /**
     * The page of an unfiltered query, {@code {"events": [...], "next": P}} as {@link #read} would
     * answer it, written while the rows are read: each event straight from its row to the JSON
     * ({@link PublishedEventWriter}), with no page of events built in between.
     */
    public JsonSerializable page(FeedQuery query) {
        if (query.filtered()) {
            throw new IllegalArgumentException("a filtered query is answered by read()");
        }
        return new JsonSerializable.Base() {
            @Override
            public void serialize(JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeStartObject();
                out.writeArrayFieldStart("events");
                long next = scan(query, (row, position, storedTime, time) -> {
                    String payloadType = row.getString(6);
                    Optional<PublishedEventType> type = mapper.typeOf(payloadType);
                    if (type.isPresent()) {
                        writer.write(out, type.get(), row.getString(2), position, row.getString(3), row.getLong(4),
                                storedTime, time, payloadType, row.getString(7), row.getBytes(8));
                    }
                    return true;
                });
                out.writeEndArray();
                out.writeNumberField("next", next);
                out.writeEndObject();
            }

            @Override
            public void serializeWithType(JsonGenerator out, SerializerProvider provider, TypeSerializer types)
                    throws IOException {
                serialize(out, provider);
            }
        };
    }

    /** What a scan does with each row it passes; false stops it there. */
    @FunctionalInterface
    private interface RowHandler {
        /** {@code storedTime}: the row's timestamp as stored, read once; {@code time}: what it reads as. */
        boolean handle(ResultSet row, long position, String storedTime, Instant time) throws SQLException, IOException;
    }

    /**
     * Reads the rows after the query's position in order, up to its window, stopping before an
     * unsettled gap ({@link GapRule}) or when {@code handler} says so; answers the last position passed.
     */
    private long scan(FeedQuery query, RowHandler handler) {
        long after = query.since() == null ? query.after() : Math.max(query.after(), firstPositionSince(query.since()) - 1);
        int window = query.filtered() ? Math.max(query.limit(), scanWindow) : query.limit();
        Cursor cursor = new Cursor(after);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM domain_event_entry"
                    + " WHERE global_index > ? ORDER BY global_index LIMIT ?");
            statement.setLong(1, after);
            statement.setInt(2, window);
            statement.setFetchSize(Math.min(window, 1000));
            return statement;
        }, (ResultSet row) -> {
            if (cursor.stopped) {
                return; // the remaining rows wait for the next request
            }
            long position = row.getLong(1);
            String storedTime = row.getString(5);
            Instant time = StoredTimestamps.parse(storedTime);
            if (position != cursor.last + 1 && !gaps.settled(time)) {
                cursor.stopped = true; // an earlier position may still appear
                return;
            }
            cursor.last = position;
            try {
                cursor.stopped = !handler.handle(row, position, storedTime, time);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return cursor.last;
    }

    /** How far a read went: the last position passed, and whether it stopped at a gap. */
    private static final class Cursor {
        long last;
        boolean stopped;

        Cursor(long after) {
            this.last = after;
        }
    }

    private Optional<PublishedEvent> read(ResultSet row, long position, Instant time, FeedQuery query) throws SQLException {
        Optional<PublishedEventType> type = mapper.typeOf(row.getString(6));
        if (type.isEmpty() || (!query.types().isEmpty() && !query.types().contains(type.get().name()))
                || (query.since() != null && time.isBefore(query.since()))) {
            return Optional.empty();
        }
        String aggregateId = row.getString(3);
        PublishedEvent event = mapper.fromRow(type.get(), row.getString(2), position, aggregateId, row.getLong(4),
                time, row.getString(6), row.getString(7), row.getBytes(8));
        if (query.userId() != null && !concerns(event, "user", query.userId())) {
            return Optional.empty();
        }
        if (query.jobId() != null && !concerns(event, "job", query.jobId())) {
            return Optional.empty();
        }
        return Optional.of(event);
    }

    /**
     * An event concerns user (job) N when its aggregate is "user:N" ("job:N"), or its payload names
     * it in a {@code user_id} ({@code job_id}) field at the top or one level down (as a charge's
     * {@code context.job_id}).
     */
    static boolean concerns(PublishedEvent event, String kind, long id) {
        if (event.aggregateId().equals(kind + ":" + id)) {
            return true;
        }
        String field = kind + "_id";
        if (names(event.payload().get(field), id)) {
            return true;
        }
        for (JsonNode child : event.payload()) {
            if (child.isObject() && names(child.get(field), id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(JsonNode value, long id) {
        return value != null && value.canConvertToLong() && value.asLong() == id;
    }

    private long firstPositionSince(Instant since) {
        Long first = jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry WHERE time_stamp >= ?",
                Long.class, SECOND_PREFIX.format(since));
        return first == null ? 0 : first;
    }
}
