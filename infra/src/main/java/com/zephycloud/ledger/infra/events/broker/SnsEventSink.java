package com.zephycloud.ledger.infra.events.broker;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes events to an SNS topic, a batch per {@code PublishBatch} call, with the attributes of
 * {@link EventSink#attributes} (so that subscriptions can filter on {@code type}); on a FIFO topic,
 * group = aggregate id and deduplication id = event id.
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
    public List<RefusedEntry> send(List<OutgoingMessage> batch) {
        List<PublishBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OutgoingMessage message = batch.get(i);
            PublishBatchRequestEntry.Builder entry = PublishBatchRequestEntry.builder()
                    .id(Integer.toString(i)) // the entry's index: how the answer names a refused one
                    .message(message.body())
                    .messageAttributes(EventSink.attributes(message.event(), SnsEventSink::text));
            if (fifo) {
                entry.messageGroupId(message.group()).messageDeduplicationId(message.event().eventId());
            }
            entries.add(entry.build());
        }
        PublishBatchResponse response = sns.publishBatch(request -> request.topicArn(topicArn)
                .publishBatchRequestEntries(entries));
        return response.failed().stream().map(failed -> refused(batch, failed)).toList();
    }

    private static RefusedEntry refused(List<OutgoingMessage> batch, BatchResultErrorEntry failed) {
        return new RefusedEntry(batch.get(Integer.parseInt(failed.id())), failed.code() + ": " + failed.message());
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
