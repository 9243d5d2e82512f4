package com.zephycloud.ledger.infra.aws;

import com.zephycloud.ledger.infra.events.PublishedEvent;

/** A broker destination for published events; a failure throws and the event is sent again. */
public interface EventSink {

    void send(PublishedEvent event, String body);

    /** FIFO destinations keep order per message group and drop repeats of a deduplication id. */
    static boolean isFifo(String queueUrlOrTopicArn) {
        return queueUrlOrTopicArn.endsWith(".fifo");
    }
}
