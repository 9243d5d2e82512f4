package com.zephycloud.ledger.infra.messaging;

import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The type-filtering invoker answers and handles exactly as Axon's own multi-invoker does. */
class TypeFilteringInvokerTest {

    record Taken(String text) {
    }

    record Ignored(String text) {
    }

    /** Takes {@link Taken}, replayed or not. */
    static class Replayable {
        final List<String> seen = new ArrayList<>();

        @EventHandler
        void on(Taken event) {
            seen.add("replayable " + event.text());
        }
    }

    /** Takes {@link Taken} as it happens, never replayed. */
    @DisallowReplay
    static class LiveOnly {
        final List<String> seen = new ArrayList<>();

        @EventHandler
        void on(Taken event) {
            seen.add("live " + event.text());
        }
    }

    private final Segment[] segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3).toArray(Segment[]::new);

    @Test
    void answersWhatAxonsInvokerAnswersForEveryTypeSegmentAndReplay() {
        EventHandlerInvoker axon = handlers(new Replayable(), new LiveOnly());
        TypeFilteringInvoker filtering = new TypeFilteringInvoker(handlers(new Replayable(), new LiveOnly()));
        int taken = 0;
        int refused = 0;
        for (EventMessage<?> event : events()) {
            for (Segment segment : segments) {
                boolean expected = axon.canHandle(event, segment);
                assertThat(filtering.canHandle(event, segment)).as(event.getPayload() + " in " + segment).isEqualTo(expected);
                if (expected) {
                    taken++;
                } else {
                    refused++;
                }
            }
        }
        assertThat(taken).as("events some segment takes").isPositive();
        assertThat(refused).as("events a segment refuses").isPositive();
    }

    @Test
    void handlesWhatAxonsInvokerHandles() throws Exception {
        Replayable axonReplayable = new Replayable();
        LiveOnly axonLive = new LiveOnly();
        Replayable replayable = new Replayable();
        LiveOnly live = new LiveOnly();
        EventHandlerInvoker axon = handlers(axonReplayable, axonLive);
        TypeFilteringInvoker filtering = new TypeFilteringInvoker(handlers(replayable, live));
        for (EventMessage<?> event : events()) {
            for (Segment segment : segments) {
                axon.handle(event, segment);
                filtering.handle(event, segment);
            }
        }
        assertThat(replayable.seen).isEqualTo(axonReplayable.seen).isNotEmpty();
        assertThat(live.seen).isEqualTo(axonLive.seen).isNotEmpty().hasSizeLessThan(replayable.seen.size());
    }

    @Test
    void keepsAxonsViewOfItsHandlers() {
        TypeFilteringInvoker filtering = new TypeFilteringInvoker(handlers(new Replayable(), new LiveOnly()));
        assertThat(filtering.delegates()).hasSize(2).allMatch(SimpleEventHandlerInvoker.class::isInstance);
        assertThat(filtering.canHandleType(Taken.class)).isTrue();
        assertThat(filtering.canHandleType(Ignored.class)).isFalse();
        assertThat(filtering.supportsReset()).isTrue();
    }

    private static EventHandlerInvoker handlers(Object... handlers) {
        List<EventHandlerInvoker> invokers = new ArrayList<>();
        for (Object handler : handlers) {
            invokers.add(SimpleEventHandlerInvoker.builder().eventHandlers(handler)
                    .sequencingPolicy(SequentialPerAggregatePolicy.instance()).build());
        }
        return new MultiEventHandlerInvoker(invokers);
    }

    /** Both types, live and replayed, over aggregates spread across the segments. */
    private static List<EventMessage<?>> events() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String aggregate = "aggregate-" + i;
            Object payload = i % 3 == 0 ? new Ignored("i" + i) : new Taken("t" + i);
            GlobalSequenceTrackingToken position = new GlobalSequenceTrackingToken(i);
            var message = new GenericDomainEventMessage<>("Aggregate", aggregate, 0, payload);
            events.add(new GenericTrackedDomainEventMessage<>(position, message));
            events.add(new GenericTrackedDomainEventMessage<>(
                    ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100), position), message));
        }
        return events;
    }
}
