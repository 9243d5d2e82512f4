package com.zephycloud.ledger.infra.operations;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last failure of each event processor, kept until the segment that failed has handled the
 * event it failed on. Axon's pooled processors release a failed segment and claim it again after a
 * back-off, so the failure shows in no status they report: this error handler, in front of Axon's
 * default (which rethrows, so the processor retries rather than skips), remembers it for the health
 * check. The other segments of the processor go on past the failed event (it is not theirs), so
 * only the segment its aggregate falls in tells; while no segment of this instance holds it,
 * another instance may have claimed it (and reports it itself): the failure is then forgotten
 * after {@link #FORGOTTEN_ELSEWHERE}.
 * <p>
 * A batch that could not store its token because another instance claimed the segment meanwhile
 * (this one was paused or cut off past the claim timeout) is no failure of the read model: the
 * other instance handles those events again, and this one lets the segment go. It is not
 * remembered, or a resumed instance would report DOWN for a minute for work it no longer holds.
 */
final class ProcessorErrors implements ErrorHandler, ConfigurerModule {

    /** A failure on the event at {@code position} of the event store (-1 when it had none), of {@code aggregateId}. */
    record Failure(String error, long position, String aggregateId, long atNanos) {
    }

    static final Duration FORGOTTEN_ELSEWHERE = Duration.ofMinutes(1);

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(processing -> processing.registerDefaultErrorHandler(config -> this));
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        if (claimLost(context.error())) {
            PropagatingErrorHandler.instance().handleError(context);
            return;
        }
        long position = -1;
        String aggregateId = null;
        for (EventMessage<?> event : context.failedEvents()) {
            if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                    && tracked.trackingToken().position().orElse(-1) >= position) {
                position = tracked.trackingToken().position().orElse(-1);
                aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                        : event.getIdentifier();
            }
        }
        failures.put(context.eventProcessor(), new Failure(describe(context.error()), position, aggregateId,
                System.nanoTime()));
        PropagatingErrorHandler.instance().handleError(context);
    }

    /**
     * The failure of {@code processor} that it has not got past, given where its segments stand now
     * and which of them another instance holds: a failure in one of those is that instance's to get
     * past, so it is forgotten here at once, even while Axon still keeps this instance's frozen
     * status of the segment.
     */
    Failure current(String processor, Collection<EventTrackerStatus> segments, Set<Integer> heldElsewhere) {
        Failure failure = failures.get(processor);
        if (failure == null || failure.position() < 0) {
            return failure;
        }
        EventTrackerStatus failed = segments.stream()
                .filter(segment -> segment.getSegment().matches(Objects.hashCode(failure.aggregateId())))
                .findFirst().orElse(null);
        boolean passed = failed != null && failed.getCurrentPosition().orElse(-1) >= failure.position();
        boolean elsewhere = failed != null ? heldElsewhere.contains(failed.getSegment().getSegmentId())
                : System.nanoTime() - failure.atNanos() > FORGOTTEN_ELSEWHERE.toNanos();
        if (passed || elsewhere) {
            failures.remove(processor, failure);
            return null;
        }
        return failure;
    }

    private static boolean claimLost(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnableToClaimTokenException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error + "; caused by " + root;
    }
}
