package com.zephycloud.ledger.infra.messaging;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;

import java.util.ArrayList;
import java.util.List;

/**
 * The events stored up to a head, read from the store once, from the lowest position any segment
 * asked about: what one read-your-writes wait looks through.
 */
final class EventWindow {

    private final AppendedEvents appended;
    private final long head;
    /** The events after {@code from} up to the head, in position order. */
    private List<AppendedEvents.Appended> events = List.of();
    private long from;

    EventWindow(AppendedEvents appended, long head) {
        this.appended = appended;
        this.head = head;
        this.from = head;
    }

    /** The position of the last event after {@code after}, up to the head, that the segment handles; -1 if none. */
    long lastHandled(EventHandlerInvoker handlers, Segment segment, long after) {
        if (after < from) {
            List<AppendedEvents.Appended> earlier = new ArrayList<>(appended.between(after, from));
            earlier.addAll(events);
            events = earlier;
            from = after;
        }
        for (int i = events.size() - 1; i >= 0 && events.get(i).position() > after; i--) {
            if (HandledEvents.handles(handlers, events.get(i), segment)) {
                return events.get(i).position();
            }
        }
        return -1;
    }
}
