package com.zephycloud.ledger.infra.events.broker;

import com.zephycloud.ledger.infra.events.PublishedEvent;

import java.nio.charset.StandardCharsets;

/**
 * One published event on its way to a destination: the event and its body (the envelope's JSON),
 * written once for every destination. Its message group is its aggregate: the order that must
 * hold, and the unit the publisher may send in parallel.
 */
public record OutgoingMessage(PublishedEvent event, String body) {

    public String group() {
        return event.aggregateId();
    }

    /** What the broker counts against its size limits: the body and the attributes' names and values. */
    public int size() {
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        for (var attribute : EventSink.attributes(event, value -> value).entrySet()) {
            size += attribute.getKey().length() + "String".length() + attribute.getValue().length();
        }
        return size;
    }
}
