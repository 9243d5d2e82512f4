package com.zephycloud.ledger.infra.messaging;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

import java.util.Objects;

/**
 * Whether a segment of a processor handles a stored event, from the event's type and aggregate
 * only (no payload): the processor's handlers take the type ({@code canHandleType}, as Axon's
 * own processors ask), and the event falls in the segment under the processor's sequencing
 * policy. Under Axon's default policy, one sequence per aggregate, that is the aggregate
 * identifier's hash masked as {@link Segment#matches(Object)} does; under any other policy, or for
 * a type this instance cannot load, the answer is yes: waiting too long is safe, answering too
 * early is not.
 */
final class HandledEvents {

    private HandledEvents() {
    }

    static boolean handles(EventHandlerInvoker invoker, AppendedEvents.Appended event, Segment segment) {
        if (event.payloadType().isEmpty()) {
            return true;
        }
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().anyMatch(delegate -> handles(delegate, event, segment));
        }
        if (!invoker.canHandleType(event.payloadType().get())) {
            return false;
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple
                && simple.getSequencingPolicy() instanceof SequentialPerAggregatePolicy) {
            return segment.matches(Objects.hashCode(event.aggregateId()));
        }
        return true;
    }
}
