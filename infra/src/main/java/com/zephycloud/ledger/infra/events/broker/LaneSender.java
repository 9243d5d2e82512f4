package com.zephycloud.ledger.infra.events.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Sends the messages of one lane to one destination, batch after batch, in position order
 * ({@link GroupBatches}). When the destination refuses some entries of a batch, only those are
 * sent again, with the waits of the {@link RetryPolicy}, before the lane goes on: the next
 * messages of their groups are not sent before them. A call that fails as a whole is a refusal
 * of every entry it carried.
 */
final class LaneSender {

    private static final Logger log = LoggerFactory.getLogger(LaneSender.class);

    private final EventSink sink;
    private final RetryPolicy retry;

    LaneSender(EventSink sink, RetryPolicy retry) {
        this.sink = sink;
        this.retry = retry;
    }

    void send(List<OutgoingMessage> messages) throws InterruptedException {
        List<OutgoingMessage> waiting = new ArrayList<>(messages);
        while (!waiting.isEmpty()) {
            List<OutgoingMessage> batch = GroupBatches.next(waiting);
            sendUntilTaken(batch);
            Set<OutgoingMessage> sent = Collections.newSetFromMap(new IdentityHashMap<>());
            sent.addAll(batch);
            waiting.removeIf(sent::contains);
        }
    }

    private void sendUntilTaken(List<OutgoingMessage> batch) throws InterruptedException {
        long deadline = System.nanoTime() + retry.window().toNanos();
        Duration wait = retry.initial();
        List<OutgoingMessage> unsent = batch;
        for (int attempt = 1; ; attempt++) {
            List<RefusedEntry> refused;
            try {
                refused = sink.send(unsent);
            } catch (RuntimeException failure) {
                refused = unsent.stream().map(message -> new RefusedEntry(message, failure.toString())).toList();
            }
            if (refused.isEmpty()) {
                if (attempt > 1) {
                    log.info("{} events up to position {} sent after {} attempts", unsent.size(), last(unsent), attempt);
                }
                return;
            }
            RefusedEntry first = refused.get(0);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopping: the event at position " + first.message().event().position()
                        + " is sent again when the publisher resumes");
            }
            if (System.nanoTime() + wait.toNanos() > deadline) {
                throw new IllegalStateException("cannot send the event at position " + first.message().event().position()
                        + " to the broker (" + first.reason() + "); the publisher stops here and retries from its"
                        + " last stored position");
            }
            log.warn("{} of {} events not taken by the broker (attempt {}), sending them again in {}: position {}: {}",
                    refused.size(), unsent.size(), attempt, wait, first.message().event().position(), first.reason());
            Thread.sleep(wait.toMillis());
            wait = retry.after(wait);
            unsent = refused.stream().map(RefusedEntry::message).toList();
        }
    }

    private static long last(List<OutgoingMessage> messages) {
        return messages.get(messages.size() - 1).event().position();
    }
}
