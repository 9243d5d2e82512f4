package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.messaging.StoredTokenPositions;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A processor's health counts the segments this instance holds: a status Axon kept for a segment
 * another instance claimed since (frozen, in error) neither puts it DOWN nor shows as a position.
 */
class ProcessorHealthTest {

    private static final int[] FOUR = {0, 1, 2, 3};

    @Test
    void aSegmentInErrorHeldHereIsDown() {
        Health health = health(Set.of());

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("segmentErrors")).isEqualTo(Map.of(1, "java.lang.IllegalStateException: "
                + "FATAL: terminating connection due to administrator command"));
    }

    @Test
    void theSameStatusKeptForASegmentAnotherInstanceHoldsIsIgnored() {
        Health health = health(Set.of(1));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("positions")).isEqualTo(Map.of(3, 7_950L));
        assertThat(health.getDetails().get("segmentErrors")).isEqualTo(Map.of());
    }

    @Test
    void aFailureRecordedInASegmentAnotherInstanceHoldsNowIsForgottenAtOnce() throws Exception {
        ProcessorErrors errors = new ProcessorErrors();
        // an event of segment 1 (of 4) failed at position 5,910; the frozen status here is at 5,587
        String aggregate = aggregateOfSegment(1);
        IllegalStateException failure = new IllegalStateException("terminating connection");
        try {
            errors.handleError(new org.axonframework.eventhandling.ErrorContext("users", failure, java.util.List.of(
                    new org.axonframework.eventhandling.GenericTrackedDomainEventMessage<>(
                            org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(5_910, Set.of()),
                            new org.axonframework.eventhandling.GenericDomainEventMessage<>("UserAccount", aggregate,
                                    3, "payload")))));
        } catch (IllegalStateException propagated) {
            // the error handler rethrows, so that Axon retries the batch
        }

        assertThat(health(Set.of(), errors).getStatus()).as("while this instance holds segment 1").isEqualTo(Status.DOWN);
        assertThat(health(Set.of(1), errors).getStatus()).as("once another instance holds it").isEqualTo(Status.UP);
    }

    private static String aggregateOfSegment(int segment) {
        Segment wanted = Segment.computeSegment(segment, FOUR);
        for (int i = 0; ; i++) {
            if (wanted.matches(java.util.Objects.hashCode("user:" + i))) {
                return "user:" + i;
            }
        }
    }

    private static Health health(Set<Integer> heldElsewhere) {
        return health(heldElsewhere, new ProcessorErrors());
    }

    private static Health health(Set<Integer> heldElsewhere, ProcessorErrors errors) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn("users");
        when(processor.isRunning()).thenReturn(true);
        EventTrackerStatus frozen = status(1, 5_587);
        when(frozen.isErrorState()).thenReturn(true);
        when(frozen.getError()).thenReturn(
                new IllegalStateException("FATAL: terminating connection due to administrator command"));
        Map<Integer, EventTrackerStatus> statuses = Map.of(1, frozen, 3, status(3, 7_950));
        when(processor.processingStatus()).thenReturn(statuses);
        StoredTokenPositions claims = mock(StoredTokenPositions.class);
        when(claims.heldElsewhere("users")).thenReturn(heldElsewhere);
        return new ProcessorHealth(processor, errors, claims).health();
    }

    private static EventTrackerStatus status(int segment, long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(Segment.computeSegment(segment, FOUR));
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }
}
