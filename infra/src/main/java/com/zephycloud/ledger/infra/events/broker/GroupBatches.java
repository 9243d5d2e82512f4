package com.zephycloud.ledger.infra.events.broker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts the next batch from the front of messages waiting in position order: the first messages
 * of distinct groups, up to {@link EventSink#MAX_ENTRIES} and {@link EventSink#MAX_BATCH_BYTES}.
 * One message per group and batch is what keeps a group's order when the destination refuses one
 * entry of a batch and takes the others: a later message of the same group is never in the batch
 * that the refused one was in, so it cannot overtake it.
 */
final class GroupBatches {

    private GroupBatches() {
    }

    /** The next batch of {@code waiting} (never empty when {@code waiting} is not; a too-large message goes alone). */
    static List<OutgoingMessage> next(List<OutgoingMessage> waiting) {
        List<OutgoingMessage> batch = new ArrayList<>(EventSink.MAX_ENTRIES);
        Set<String> groups = new HashSet<>();
        Set<String> passed = new HashSet<>();
        int bytes = 0;
        for (OutgoingMessage message : waiting) {
            if (batch.size() == EventSink.MAX_ENTRIES) {
                break;
            }
            String group = message.group();
            if (groups.contains(group) || passed.contains(group)) {
                continue; // an earlier message of its group is in this batch or waits for a later one
            }
            int size = message.size();
            if (!batch.isEmpty() && bytes + size > EventSink.MAX_BATCH_BYTES) {
                passed.add(group);
                continue;
            }
            batch.add(message);
            groups.add(group);
            bytes += size;
        }
        return batch;
    }
}
