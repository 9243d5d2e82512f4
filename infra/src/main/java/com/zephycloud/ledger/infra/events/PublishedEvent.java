package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * One event as other services receive it, from the feed, the stream or the broker alike (schema:
 * event-schemas/envelope.v1.json). {@code position} is the event's global position in the event
 * store: it orders all events, and a consumer resumes after the last one it handled.
 */
public record PublishedEvent(String eventId,
                             long position,
                             String aggregateId,
                             long aggregateSequence,
                             Instant time,
                             String type,
                             String version,
                             ObjectNode payload) {
}
