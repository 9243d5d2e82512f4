package com.zephycloud.ledger.infra.events.broker;

import com.zephycloud.ledger.infra.events.PublishedEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A broker destination for published events, sent in batches. A batch holds at most
 * {@link #MAX_ENTRIES} messages of at most {@link #MAX_BATCH_BYTES} together, and at most one
 * message of each group (see {@link GroupBatches}).
 */
public interface EventSink {

    /** SQS's SendMessageBatch and SNS's PublishBatch: ten entries, 256 KiB in all. */
    int MAX_ENTRIES = 10;
    int MAX_BATCH_BYTES = 262_144;

    /** Sends {@code batch} in one call; answers the entries the destination refused (empty: all taken). A failed call throws. */
    List<RefusedEntry> send(List<OutgoingMessage> batch);

    /**
     * The string attributes every message carries, by name, whatever the broker: consumers and
     * subscriptions filter on them (e.g. on {@code type}) without reading the body.
     */
    static <V> Map<String, V> attributes(PublishedEvent event, Function<String, V> asAttribute) {
        Map<String, V> attributes = new LinkedHashMap<>();
        attributes.put("type", asAttribute.apply(event.type()));
        attributes.put("version", asAttribute.apply(event.version()));
        attributes.put("event_id", asAttribute.apply(event.eventId()));
        attributes.put("aggregate_id", asAttribute.apply(event.aggregateId()));
        return attributes;
    }

    /** FIFO destinations keep order per message group and drop repeats of a deduplication id. */
    static boolean isFifo(String queueUrlOrTopicArn) {
        return queueUrlOrTopicArn.endsWith(".fifo");
    }
}
