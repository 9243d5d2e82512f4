package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.messaging.StoredTokenPositions;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The health of one Axon event processor: DOWN when it is not running or is in error (it failed
 * on an event and has not got past it, see {@link ProcessorErrors}; Axon retries with a back-off,
 * and the read model it feeds stops moving meanwhile), with the error in the details. Only the
 * segments this instance holds count: a status Axon keeps for a segment another instance holds
 * now is stale ({@link StoredTokenPositions#heldElsewhere}).
 */
final class ProcessorHealth implements HealthIndicator {

    private final EventProcessor processor;
    private final ProcessorErrors errors;
    private final StoredTokenPositions claims;

    ProcessorHealth(EventProcessor processor, ProcessorErrors errors, StoredTokenPositions claims) {
        this.processor = processor;
        this.errors = errors;
        this.claims = claims;
    }

    @Override
    public Health health() {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return (processor.isRunning() ? Health.up() : Health.down().withDetail("error", "not running"))
                    .withDetail("type", "subscribing").build();
        }
        Set<Integer> elsewhere = claims.heldElsewhere(processor.getName());
        List<EventTrackerStatus> held = streaming.processingStatus().values().stream()
                .filter(segment -> !elsewhere.contains(segment.getSegment().getSegmentId())).toList();
        Map<Integer, String> segmentErrors = new TreeMap<>();
        Map<Integer, Long> positions = new TreeMap<>();
        for (EventTrackerStatus segment : held) {
            int id = segment.getSegment().getSegmentId();
            positions.put(id, segment.getCurrentPosition().orElse(-1));
            if (segment.isErrorState()) {
                segmentErrors.put(id, String.valueOf(segment.getError()));
            }
        }
        ProcessorErrors.Failure failure = errors.current(processor.getName(), streaming.processingStatus().values(),
                elsewhere);
        boolean inError = streaming.isError() || !segmentErrors.isEmpty() || failure != null;
        Health.Builder health = streaming.isRunning() && !inError ? Health.up() : Health.down();
        if (!streaming.isRunning()) {
            health.withDetail("error", "not running");
        } else if (failure != null) {
            health.withDetail("error", failure.error()).withDetail("failedAt", failure.position());
        } else if (inError) {
            health.withDetail("error", segmentErrors.isEmpty() ? "in error, retrying"
                    : segmentErrors.values().iterator().next());
        }
        return health.withDetail("type", "streaming").withDetail("positions", positions)
                .withDetail("segmentErrors", segmentErrors).build();
    }
}
