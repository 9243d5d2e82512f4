package com.zephycloud.ledger.infra.messaging;

import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** What is done to several streaming processors at once. */
public final class StreamingProcessors {

    private StreamingProcessors() {
    }

    /**
     * Stops every one of {@code processors} and returns once all have stopped. Each takes up to a
     * few hundred milliseconds to stop (its work packages finish their batch and release their
     * claims), so they are asked all at once, not one after the other.
     */
    public static void stopTogether(Collection<? extends StreamingEventProcessor> processors) {
        CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
    }
}
