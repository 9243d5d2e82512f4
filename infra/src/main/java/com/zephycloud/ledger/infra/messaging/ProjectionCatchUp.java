package com.zephycloud.ledger.infra.messaging;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-writes for the API, on any instance: before a query, wait until the read models
 * ({@link ProcessingGroups#READ_MODELS}) have handled every event stored when the query arrived
 * ({@link EventStoreHead}) that they take. Projections are asynchronous (a few milliseconds
 * behind); this makes a read that follows a write see it, whichever instance took the write.
 * <p>
 * Only what matters is waited for: a segment waits for the last event in the range it has not
 * passed yet whose type its handlers take and whose aggregate falls in it ({@link HandledEvents});
 * a segment with none is caught up already. A segment held by this instance is followed in
 * memory, one held by another instance (or by none) through its token in the token store
 * ({@link SegmentPositions}), stored with every batch that handled events. Outbound processors
 * are never waited for (a broker outage must not slow the API). After
 * {@code zephy.read.consistency-timeout} the query answers anyway, from what is projected.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final long POLL_MILLIS = 2;

    private final EventProcessingConfiguration processing;
    private final EventStoreHead eventStoreHead;
    private final AppendedEvents appended;
    private final StoredTokenPositions stored;
    private final Duration timeout;
    private final Timer waits;

    public ProjectionCatchUp(EventProcessingConfiguration processing, EventStoreHead eventStoreHead,
                             AppendedEvents appended, StoredTokenPositions stored, MeterRegistry registry,
                             @Value("${zephy.read.consistency-timeout}") Duration timeout) {
        this.processing = processing;
        this.eventStoreHead = eventStoreHead;
        this.appended = appended;
        this.stored = stored;
        this.timeout = timeout;
        this.waits = Timer.builder("zephy.read.wait")
                .description("how long a query waited for the read models to catch up with earlier writes")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofSeconds(1), timeout)
                .register(registry);
    }

    /** Waits for the read models (see the class); the wait is timed as {@code zephy.read.wait}. */
    public void await() {
        long start = System.nanoTime();
        try {
            awaitHead();
        } finally {
            waits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void awaitHead() {
        long head = eventStoreHead.current();
        if (head < 0) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        EventWindow window = new EventWindow(appended, head);
        // per processor and segment: the position of the last event up to the head that it must
        // handle (-1: none); events up to the head are stored already, so it never changes
        Map<String, Long> targets = new HashMap<>();
        while (!caughtUp(head, window, targets)) {
            if (System.nanoTime() > deadline) {
                log.warn("projections did not reach event {} within {}; answering from what is projected", head, timeout);
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean caughtUp(long head, EventWindow window, Map<String, Long> targets) {
        SegmentPositions positions = new SegmentPositions(stored);
        boolean caughtUp = true;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!ProcessingGroups.isReadModel(entry.getKey())
                    || !(entry.getValue() instanceof StreamingEventProcessor streaming) || !streaming.isRunning()) {
                continue;
            }
            var segments = positions.of(entry.getKey(), streaming);
            if (segments.isEmpty()) {
                caughtUp = false; // its tokens are not initialized yet: it is starting
                continue;
            }
            EventHandlerInvoker handlers = ((AbstractEventProcessor) streaming).eventHandlerInvoker();
            for (SegmentPositions.At segment : segments) {
                if (segment.position() >= head) {
                    continue;
                }
                long target = targets.computeIfAbsent(entry.getKey() + "/" + segment.segment(),
                        key -> window.lastHandled(handlers, segment.segment(), segment.position()));
                if (segment.position() < target) {
                    caughtUp = false;
                }
            }
        }
        return caughtUp;
    }
}
