package com.zephycloud.ledger.infra.events;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a stored event (a row of the event table, or an event message) into its published form:
 * the payload is read back with the application's event serializer, then written in the
 * published shape. Events whose type is not part of the contract are not published.
 */
public class StoredEventMapper {

    private static final Logger log = LoggerFactory.getLogger(StoredEventMapper.class);

    private final EventContract contract;
    private final Serializer serializer;
    private final Set<String> reportedUnpublished = ConcurrentHashMap.newKeySet();

    public StoredEventMapper(EventContract contract, Serializer serializer) {
        this.contract = contract;
        this.serializer = serializer;
    }

    public Optional<PublishedEventType> typeOf(String payloadType) {
        Optional<PublishedEventType> type = contract.byPayloadType(payloadType);
        if (type.isEmpty() && reportedUnpublished.add(payloadType)) {
            log.warn("stored events of type {} are not in the published contract (not an event record under {});"
                    + " the feed and the publisher pass over them", payloadType, EventContract.EVENT_PACKAGE);
        }
        return type;
    }

    public PublishedEvent fromRow(PublishedEventType type, String eventId, long position, String aggregateId,
                                  long sequence, Instant time, String payloadType, String revision, byte[] payload) {
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(payload, byte[].class, payloadType, revision);
        return fromPayload(type, eventId, position, aggregateId, sequence, time, serializer.deserialize(serialized));
    }

    public PublishedEvent fromPayload(PublishedEventType type, String eventId, long position, String aggregateId,
                                      long sequence, Instant time, Object payload) {
        return new PublishedEvent(eventId, position, aggregateId, sequence, time, type.name(), type.version(),
                PublishedPayloads.toJson(payload));
    }
}
