package com.zephycloud.ledger.infra.messaging;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Read-your-writes for the API: before a query, wait until this instance's projections have
 * processed every event stored when the query arrived ({@link EventStoreHead}: exactly for the
 * events this instance wrote, within {@code zephy.read.head-max-age} for those of other
 * instances). Projections are asynchronous (a few milliseconds behind); this makes a read that
 * follows a write see it. After
 * {@code zephy.read.consistency-timeout} the query answers anyway, from what is projected.
 * Processors named {@value #OUTBOUND_PREFIX}* feed other systems, not read models: a query
 * never waits for them (a broker outage must not slow the API).
 */
@Component
public class ProjectionCatchUp {

    public static final String OUTBOUND_PREFIX = "outbound-";

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);

    private final EventProcessingConfiguration processing;
    private final EventStoreHead eventStoreHead;
    private final Duration timeout;

    public ProjectionCatchUp(EventProcessingConfiguration processing, EventStoreHead eventStoreHead,
                             @Value("${zephy.read.consistency-timeout}") Duration timeout) {
        this.processing = processing;
        this.eventStoreHead = eventStoreHead;
        this.timeout = timeout;
    }

    public void await() {
        long head = eventStoreHead.current();
        if (head < 0) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(head)) {
            if (System.nanoTime() > deadline) {
                log.warn("projections did not reach event {} within {}; answering from what is projected", head, timeout);
                return;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean caughtUp(long head) {
        for (var processor : processing.eventProcessors().values()) {
            if (processor.getName().startsWith(OUTBOUND_PREFIX)) {
                continue;
            }
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                OptionalLong lowest = ProcessorPositions.lowestHeld(streaming);
                if (lowest.isEmpty() || lowest.getAsLong() < head) {
                    return false;
                }
            }
        }
        return true;
    }
}
