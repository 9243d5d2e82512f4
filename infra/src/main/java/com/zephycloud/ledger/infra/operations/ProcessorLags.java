package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.messaging.ProcessorPositions;
import com.zephycloud.ledger.infra.eventstore.StoredTimestamps;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * How far each streaming processor of this instance is behind the event store: in events (head
 * minus the lowest position of the segments it holds) and in seconds (the age of the oldest event
 * it has not handled yet, 0 when caught up). A processor holding no segment here (another
 * instance has them) has no lag on this instance: NaN.
 */
final class ProcessorLags {

    /** One processor's lag; NaN when unknown on this instance. */
    record Lag(double events, double seconds) {
        static final Lag UNKNOWN = new Lag(Double.NaN, Double.NaN);
    }

    /** The whole picture of one moment: the store's head and each processor's lag. */
    record Snapshot(long head, Map<String, Lag> lags) {
        Lag of(String processor) {
            return lags.getOrDefault(processor, Lag.UNKNOWN);
        }
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RecentValue<Snapshot> recent;

    ProcessorLags(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock, Duration maxAge) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.recent = new RecentValue<>(this::measure, maxAge);
    }

    Snapshot current() {
        return recent.get();
    }

    /** The names of the streaming processors, the ones that have a lag. */
    List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).sorted().toList();
    }

    private Snapshot measure() {
        long head = ProcessorPositions.head(jdbc);
        Map<String, Lag> lags = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                OptionalLong position = ProcessorPositions.lowestHeld(streaming);
                lags.put(name, position.isPresent() ? lag(head, position.getAsLong()) : Lag.UNKNOWN);
            }
        });
        return new Snapshot(head, lags);
    }

    private Lag lag(long head, long position) {
        if (position >= head) {
            return new Lag(0, 0);
        }
        List<String> next = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index > ?"
                + " ORDER BY global_index LIMIT 1", String.class, position);
        double seconds = next.isEmpty() ? 0
                : Math.max(0, Duration.between(StoredTimestamps.parse(next.get(0)), Instant.now(clock)).toMillis() / 1000.0);
        return new Lag(head - position, seconds);
    }
}
