package com.zephycloud.ledger.infra.operations;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last failure of each event processor, kept until the processor has handled the event it
 * failed on. Axon's pooled processors release a failed segment and claim it again after a back-off,
 * so the failure shows in no status they report: this error handler, in front of Axon's default
 * (which rethrows, so the processor retries rather than skips), remembers it for the health check.
 */
final class ProcessorErrors implements ErrorHandler, ConfigurerModule {

    /** A failure on the event at {@code position} of the event store (-1 when it had none). */
    record Failure(String error, long position) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(processing -> processing.registerDefaultErrorHandler(config -> this));
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        long position = -1;
        for (EventMessage<?> event : context.failedEvents()) {
            if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
                position = Math.max(position, tracked.trackingToken().position().orElse(-1));
            }
        }
        failures.put(context.eventProcessor(), new Failure(describe(context.error()), position));
        PropagatingErrorHandler.instance().handleError(context);
    }

    /** The failure of {@code processor} that it has not got past, given where it stands now. */
    Failure current(String processor, OptionalLong position) {
        Failure failure = failures.get(processor);
        if (failure != null && position.isPresent() && failure.position() >= 0
                && position.getAsLong() >= failure.position()) {
            failures.remove(processor, failure);
            return null;
        }
        return failure;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error + "; caused by " + root;
    }
}
