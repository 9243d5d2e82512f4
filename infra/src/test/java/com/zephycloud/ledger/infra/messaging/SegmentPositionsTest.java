package com.zephycloud.ledger.infra.messaging;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Where a processor's segments stand for read-your-writes: this instance's memory for the segments
 * it holds, the token store for the others, and the token store also for a segment whose status
 * Axon kept here after another instance claimed it (a release that failed in a database outage).
 */
class SegmentPositionsTest {

    private static final int[] FOUR = {0, 1, 2, 3};

    @Test
    void aSegmentHeldHereIsReadFromMemoryAndOneHeldElsewhereFromTheTokenStore() {
        StreamingEventProcessor processor = processorWithStatuses(Map.of(3, status(3, 7_950)));
        StoredTokenPositions stored = storeWith(Map.of(0, new StoredTokenPositions.Stored(7_900, false),
                1, new StoredTokenPositions.Stored(7_901, false), 2, new StoredTokenPositions.Stored(7_902, false),
                3, new StoredTokenPositions.Stored(7_800, true)));

        Map<Integer, Long> positions = positions(new SegmentPositions(stored), processor);

        assertThat(positions).containsExactlyInAnyOrderEntriesOf(Map.of(0, 7_900L, 1, 7_901L, 2, 7_902L, 3, 7_950L));
    }

    @Test
    void aStatusKeptForASegmentAnotherInstanceClaimedIsNotTrusted() {
        // segment 1 froze at 5,587 here when its release failed; the instance that claimed it is at 7,901
        StreamingEventProcessor processor = processorWithStatuses(Map.of(1, status(1, 5_587), 3, status(3, 7_950)));
        StoredTokenPositions stored = storeWith(Map.of(0, new StoredTokenPositions.Stored(7_900, false),
                1, new StoredTokenPositions.Stored(7_901, false), 2, new StoredTokenPositions.Stored(7_902, false),
                3, new StoredTokenPositions.Stored(7_800, true)));

        Map<Integer, Long> positions = positions(new SegmentPositions(stored), processor);

        assertThat(positions).containsEntry(1, 7_901L).containsEntry(3, 7_950L);
    }

    private static Map<Integer, Long> positions(SegmentPositions positions, StreamingEventProcessor processor) {
        Map<Integer, Long> byId = new java.util.TreeMap<>();
        positions.of("users", processor).forEach(at -> byId.put(at.segment().getSegmentId(), at.position()));
        return byId;
    }

    private static StoredTokenPositions storeWith(Map<Integer, StoredTokenPositions.Stored> users) {
        StoredTokenPositions stored = mock(StoredTokenPositions.class);
        when(stored.all()).thenReturn(Map.of("users", users));
        return stored;
    }

    private static StreamingEventProcessor processorWithStatuses(Map<Integer, EventTrackerStatus> statuses) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.processingStatus()).thenReturn(statuses);
        return processor;
    }

    private static EventTrackerStatus status(int segment, long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(Segment.computeSegment(segment, FOUR));
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }
}
