package com.zephycloud.ledger.infra.events.broker;

import com.zephycloud.ledger.infra.events.PublishedEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A broker destination for published events; a failure throws and the event is sent again. */
public interface EventSink {

    void send(PublishedEvent event, String body);

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
