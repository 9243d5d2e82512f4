package com.zephycloud.ledger.infra.eventstore;

import org.axonframework.eventhandling.GenericDomainEventEntry;

import java.time.Instant;

/**
 * An event read from the event table whose timestamp is parsed once, when it is read. Axon's entry
 * parses its timestamp text at every call, and a tracked event's is asked at least twice: by the
 * storage engine for its gap rule and by every handler that reads the event's date.
 */
final class ParsedTimestampEntry<T> extends GenericDomainEventEntry<T> {

    private final Instant timestamp;

    ParsedTimestampEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                         String timestamp, String payloadType, String payloadRevision, T payload, T metaData) {
        super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                payload, metaData);
        this.timestamp = StoredTimestamps.parse(timestamp);
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }
}
