package com.zephycloud.ledger.infra.events.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Sends a run of messages to one destination, in {@code lanes} lanes at once: a message's lane
 * is chosen by its group, so the messages of one group stay in one lane, in position order,
 * while the lanes' calls overlap (a call is mostly waiting for the broker's answer). Returns when
 * every message was taken; throws if a lane gave up, after the other lanes finished.
 */
final class DestinationPublisher {

    private final LaneSender lane;
    private final int lanes;
    private final ExecutorService threads;

    DestinationPublisher(EventSink sink, RetryPolicy retry, int lanes, ExecutorService threads) {
        this.lane = new LaneSender(sink, retry);
        this.lanes = lanes;
        this.threads = threads;
    }

    void send(List<OutgoingMessage> messages) throws InterruptedException {
        List<List<OutgoingMessage>> byLane = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            byLane.add(new ArrayList<>());
        }
        for (OutgoingMessage message : messages) {
            byLane.get(Math.floorMod(message.group().hashCode(), lanes)).add(message);
        }
        byLane.removeIf(List::isEmpty);
        if (byLane.size() == 1) {
            lane.send(byLane.get(0)); // nothing to overlap: no hand-over to another thread
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<OutgoingMessage> part : byLane) {
            running.add(threads.submit(() -> {
                lane.send(part);
                return null;
            }));
        }
        awaitAll(running);
    }

    private static void awaitAll(List<Future<?>> running) throws InterruptedException {
        RuntimeException failed = null;
        try {
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                    if (failed == null) {
                        failed = cause;
                    } else {
                        failed.addSuppressed(cause);
                    }
                }
            }
        } catch (InterruptedException e) {
            running.forEach(future -> future.cancel(true)); // stopping: the lanes stop too
            throw e;
        }
        if (failed != null) {
            throw failed;
        }
    }
}
