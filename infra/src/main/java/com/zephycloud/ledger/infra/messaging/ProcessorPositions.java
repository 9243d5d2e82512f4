package com.zephycloud.ledger.infra.messaging;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * Where the event store ends and where this instance's streaming processors stand in it: what
 * both the read-your-writes wait and a projection rebuild compare.
 */
public final class ProcessorPositions {

    /**
     * The last event's position: one step down the primary key's index, sent as a prepared
     * statement because every query reads it (the driver then keeps it planned on the server,
     * where planning {@code max()} anew cost about as much as the read itself).
     */
    private static final String HEAD = "SELECT global_index FROM domain_event_entry ORDER BY global_index DESC LIMIT 1";

    private ProcessorPositions() {
    }

    /** The highest global index stored, or -1 when the event store is empty. */
    public static long head(JdbcTemplate jdbc) {
        Long head = jdbc.query(connection -> connection.prepareStatement(HEAD),
                rows -> rows.next() ? rows.getLong(1) : null);
        return head == null ? -1 : head;
    }

    /** The lowest position over the segments this instance holds; empty when it holds none. */
    public static OptionalLong lowestHeld(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments) {
            lowest = Math.min(lowest, segment.getCurrentPosition().orElse(-1));
        }
        return OptionalLong.of(lowest);
    }

    /** Whether the segments this instance holds cover the whole event stream (each covers 1 / (mask + 1)). */
    public static boolean holdsWholeStream(StreamingEventProcessor processor) {
        double covered = 0;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            covered += 1.0 / (segment.getSegment().getMask() + 1);
        }
        return covered >= 0.999;
    }
}
