package com.zephycloud.ledger.infra.events.broker;

import com.zephycloud.ledger.infra.events.PublishedEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends each event to an SQS queue. On a FIFO queue the message group is the aggregate id (order
 * per aggregate holds) and the deduplication id is the event id (a resend after a restart is
 * dropped by the queue).
 */
public class SqsEventSink implements EventSink {

    private final SqsClient sqs;
    private final String queueUrl;
    private final boolean fifo;

    public SqsEventSink(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.fifo = EventSink.isFifo(queueUrl);
    }

    @Override
    public void send(PublishedEvent event, String body) {
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(body)
                .messageAttributes(EventSink.attributes(event, SqsEventSink::text));
        if (fifo) {
            request.messageGroupId(event.aggregateId()).messageDeduplicationId(event.eventId());
        }
        sqs.sendMessage(request.build());
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
