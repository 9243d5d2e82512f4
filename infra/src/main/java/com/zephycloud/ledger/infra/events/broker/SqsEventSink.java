package com.zephycloud.ledger.infra.events.broker;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends events to an SQS queue, a batch per {@code SendMessageBatch} call. On a FIFO queue the
 * message group is the aggregate id (order per aggregate holds) and the deduplication id is the
 * event id (a resend after a restart is dropped by the queue).
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
    public List<RefusedEntry> send(List<OutgoingMessage> batch) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OutgoingMessage message = batch.get(i);
            SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i)) // the entry's index: how the answer names a refused one
                    .messageBody(message.body())
                    .messageAttributes(EventSink.attributes(message.event(), SqsEventSink::text));
            if (fifo) {
                entry.messageGroupId(message.group()).messageDeduplicationId(message.event().eventId());
            }
            entries.add(entry.build());
        }
        SendMessageBatchResponse response = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
        return response.failed().stream().map(failed -> refused(batch, failed)).toList();
    }

    private static RefusedEntry refused(List<OutgoingMessage> batch, BatchResultErrorEntry failed) {
        return new RefusedEntry(batch.get(Integer.parseInt(failed.id())), failed.code() + ": " + failed.message());
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
