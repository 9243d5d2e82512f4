package com.zephycloud.ledger.infra.messaging;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A processor's handlers, which answer whether they take an event from its payload type first.
 * <p>
 * A pooled processor asks its handlers about every event it reads, once per segment as it hands
 * the event out and again as it handles it; a subscribing one (a register, in the command's
 * transaction) about every event published. Most events concern none of a processor's handlers.
 * Axon's invokers find that out by asking every handler, every time, whether it supports a reset
 * and whether it takes the event: under {@code user/consume} load that was 8% of the
 * application's CPU, in 16 pooled processors. Here the handlers that take a payload type and whether
 * each supports a reset are worked out once, so an event of another type costs one map lookup;
 * an event of a type they take is asked of those handlers as Axon asks it (the segment, the
 * replay rule), and nothing else changes. A subclass of Axon's own multi-invoker, so that what
 * looks into a processor's handlers finds them where it finds them without this.
 */
final class TypeFilteringInvoker extends MultiEventHandlerInvoker {

    private final Map<Class<?>, List<EventHandlerInvoker>> handling = new ConcurrentHashMap<>();
    private final Map<EventHandlerInvoker, Boolean> resettable = new IdentityHashMap<>();

    TypeFilteringInvoker(EventHandlerInvoker handlers) {
        super(handlers);
        delegates().forEach(delegate -> resettable.put(delegate, delegate.supportsReset()));
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        for (EventHandlerInvoker delegate : handling(event)) {
            if (takes(delegate, event, segment)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        for (EventHandlerInvoker delegate : handling(event)) {
            if (takes(delegate, event, segment)) {
                delegate.handle(event, segment);
            }
        }
    }

    private List<EventHandlerInvoker> handling(EventMessage<?> event) {
        return handling.computeIfAbsent(event.getPayloadType(),
                type -> delegates().stream().filter(delegate -> delegate.canHandleType(type)).toList());
    }

    /** Axon's rule: a handler that does not support a reset takes no replayed event. */
    private boolean takes(EventHandlerInvoker delegate, EventMessage<?> event, Segment segment) {
        return (resettable.get(delegate) || !ReplayToken.isReplay(event)) && delegate.canHandle(event, segment);
    }
}
