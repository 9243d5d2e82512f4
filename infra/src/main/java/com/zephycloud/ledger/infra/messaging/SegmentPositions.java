package com.zephycloud.ledger.infra.messaging;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where every segment of a processor stands at one moment: from this instance's memory for the
 * segments it holds, from the token store for the others (read once per moment, for all the
 * processors that need it, and only if one does).
 * <p>
 * A segment counts as held here when the token store says so, not merely because Axon keeps a
 * status for it: when releasing a claim fails (the database went away as the segment failed),
 * Axon keeps the segment's last status in memory for good, frozen, while another instance claims
 * the segment and moves on. Waiting for that frozen position made every read after a write wait
 * its full timeout (the fault harness, after a database outage).
 */
final class SegmentPositions {

    /** A segment and the position of the last event it has passed (-1: none yet). */
    record At(Segment segment, long position) {
    }

    private final StoredTokenPositions stored;
    private Map<String, Map<Integer, StoredTokenPositions.Stored>> storedNow;

    SegmentPositions(StoredTokenPositions stored) {
        this.stored = stored;
    }

    /** Every segment of {@code processor}; empty while its tokens do not exist yet. */
    List<At> of(String name, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        List<At> segments = new ArrayList<>();
        if (ProcessorPositions.holdsWholeStream(processor)) {
            held.values().forEach(status -> segments.add(new At(status.getSegment(), position(status))));
            return segments;
        }
        if (storedNow == null) {
            storedNow = stored.all();
        }
        Map<Integer, StoredTokenPositions.Stored> inStore = storedNow.getOrDefault(name, Map.of());
        int[] ids = inStore.keySet().stream().mapToInt(Integer::intValue).toArray();
        inStore.forEach((id, token) -> {
            EventTrackerStatus status = held.get(id);
            segments.add(status != null && token.claimedHere() ? new At(status.getSegment(), position(status))
                    : new At(Segment.computeSegment(id, ids), token.position()));
        });
        return segments;
    }

    private static long position(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(-1);
    }
}
