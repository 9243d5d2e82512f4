package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.zephycloud.ledger.infra.eventstore.StoredTimestamps;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one stored event as its published envelope, the JSON of a {@link PublishedEvent} field
 * for field, straight from the row: the payload is copied from the stored JSON when
 * {@link StoredPayloadPassThrough} can, and otherwise read back into its record once and written
 * from it ({@link StoredEventMapper#fromRow}).
 */
final class PublishedEventWriter {

    // the envelope's names, and each type's name and version, encoded once rather than for every event
    private static final SerializedString EVENT_ID = new SerializedString("event_id");
    private static final SerializedString POSITION = new SerializedString("position");
    private static final SerializedString AGGREGATE_ID = new SerializedString("aggregate_id");
    private static final SerializedString AGGREGATE_SEQUENCE = new SerializedString("aggregate_sequence");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString PAYLOAD = new SerializedString("payload");

    private final StoredEventMapper mapper;
    private final StoredPayloadPassThrough passThrough = new StoredPayloadPassThrough();
    private final Map<PublishedEventType, SerializedString[]> typeTexts = new ConcurrentHashMap<>();

    PublishedEventWriter(StoredEventMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code storedTime}: the row's timestamp as stored, {@code time} what it reads as. */
    void write(JsonGenerator out, PublishedEventType type, String eventId, long position, String aggregateId,
               long sequence, String storedTime, Instant time, String payloadType, String revision, byte[] payload)
            throws IOException {
        SerializedString[] typeText = typeTexts.computeIfAbsent(type,
                t -> new SerializedString[]{new SerializedString(t.name()), new SerializedString(t.version())});
        out.writeStartObject();
        out.writeFieldName(EVENT_ID);
        out.writeString(eventId);
        out.writeFieldName(POSITION);
        out.writeNumber(position);
        out.writeFieldName(AGGREGATE_ID);
        out.writeString(aggregateId);
        out.writeFieldName(AGGREGATE_SEQUENCE);
        out.writeNumber(sequence);
        out.writeFieldName(TIME);
        out.writeString(StoredTimestamps.instantText(storedTime, time)); // as Jackson writes an Instant
        out.writeFieldName(TYPE);
        out.writeString(typeText[0]);
        out.writeFieldName(VERSION);
        out.writeString(typeText[1]);
        out.writeFieldName(PAYLOAD);
        if (passThrough.handles(type, revision)) {
            passThrough.write(payload, out);
        } else {
            out.writeTree(mapper.fromRow(type, eventId, position, aggregateId, sequence, time, payloadType, revision,
                    payload).payload());
        }
        out.writeEndObject();
    }
}
