package com.zephycloud.ledger.infra.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Axon's JDBC event storage engine, except that a tracked event's timestamp is parsed once, as it
 * is read ({@link ParsedTimestampEntry}), with a parser for the one layout Axon writes
 * ({@link StoredTimestamps}). Tracked reads serve the projections, the event feed and rebuilds,
 * where parsing the same text twice per event with a general ISO-8601 parser was a third of the
 * reading thread's time.
 * <p>
 * The token of each event follows Axon's gap rule: a missing global index below an event is a gap
 * (a transaction still to commit) unless the event is older than the gap timeout, and at most
 * {@link #MAX_GAP_OFFSET} indexes back are tracked. The settings are given to Axon's builder here
 * too, so that Axon's own gap cleaning uses the same ones.
 */
public class TimestampParsingEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults. */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int MAX_GAP_OFFSET = 10_000;
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    private TimestampParsingEventStorageEngine(Builder builder) {
        super(builder);
    }

    /** The engine {@code builder} describes, with this class's gap settings. */
    public static TimestampParsingEventStorageEngine build(Builder builder) {
        builder.lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MILLIS);
        return new TimestampParsingEventStorageEngine(builder);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        ParsedTimestampEntry<Object> event = new ParsedTimestampEntry<>(
                resultSet.getString(schema.typeColumn()),
                // a non-domain event is stored with its own identifier as aggregate identifier
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                String.valueOf(readTimeStamp(resultSet, schema.timestampColumn())),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
        boolean gapsAllowed = event.getTimestamp().isAfter(gapTimeoutFrame());
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalIndex, gapsAllowed ? gapsBelow(globalIndex) : noGaps())
                : previousToken.advanceTo(globalIndex, gapsAllowed ? MAX_GAP_OFFSET : 0);
        return new TrackedDomainEventData<>(token, event);
    }

    private static SortedSet<Long> gapsBelow(long globalIndex) {
        return LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static SortedSet<Long> noGaps() {
        return Collections.emptySortedSet();
    }

    private static Instant gapTimeoutFrame() {
        return GenericEventMessage.clock.instant().minusMillis(GAP_TIMEOUT_MILLIS);
    }
}
