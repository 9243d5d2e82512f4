package com.zephycloud.ledger.infra.events.broker;

import com.zephycloud.ledger.infra.events.PublishedEvent;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes each event to an SNS topic, with the attributes of {@link EventSink#attributes} (so that
 * subscriptions can filter on {@code type}); on a FIFO topic, group = aggregate id and
 * deduplication id = event id.
 */
public class SnsEventSink implements EventSink {

    private final SnsClient sns;
    private final String topicArn;
    private final boolean fifo;

    public SnsEventSink(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
        this.fifo = EventSink.isFifo(topicArn);
    }

    @Override
    public void send(PublishedEvent event, String body) {
        PublishRequest.Builder request = PublishRequest.builder()
                .topicArn(topicArn)
                .message(body)
                .messageAttributes(EventSink.attributes(event, SnsEventSink::text));
        if (fifo) {
            request.messageGroupId(event.aggregateId()).messageDeduplicationId(event.eventId());
        }
        sns.publish(request.build());
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
