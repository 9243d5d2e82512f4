package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.zephycloud.ledger.infra.eventstore.StoredTimestamps;

import java.io.IOException;
import java.time.Instant;

/**
 * Writes one stored event as its published envelope, the JSON of a {@link PublishedEvent} field
 * for field, straight from the row: the payload is copied from the stored JSON when
 * {@link StoredPayloadPassThrough} can, and otherwise read back into its record once and written
 * from it ({@link StoredEventMapper#fromRow}).
 */
final class PublishedEventWriter {

    private final StoredEventMapper mapper;
    private final StoredPayloadPassThrough passThrough = new StoredPayloadPassThrough();

    PublishedEventWriter(StoredEventMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code storedTime}: the row's timestamp as stored, {@code time} what it reads as. */
    void write(JsonGenerator out, PublishedEventType type, String eventId, long position, String aggregateId,
               long sequence, String storedTime, Instant time, String payloadType, String revision, byte[] payload)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("event_id", eventId);
        out.writeNumberField("position", position);
        out.writeStringField("aggregate_id", aggregateId);
        out.writeNumberField("aggregate_sequence", sequence);
        out.writeStringField("time", StoredTimestamps.instantText(storedTime, time)); // as Jackson writes an Instant
        out.writeStringField("type", type.name());
        out.writeStringField("version", type.version());
        out.writeFieldName("payload");
        if (passThrough.handles(type, revision)) {
            passThrough.write(payload, out);
        } else {
            out.writeTree(mapper.fromRow(type, eventId, position, aggregateId, sequence, time, payloadType, revision,
                    payload).payload());
        }
        out.writeEndObject();
    }
}
