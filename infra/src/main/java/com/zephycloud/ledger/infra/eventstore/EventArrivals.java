package com.zephycloud.ledger.infra.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the projections' processors read it, telling each processor as soon as new
 * events are in instead of leaving it to look for them.
 * <p>
 * Axon's pooled streaming processor, on a stream that cannot say when events arrive (the embedded
 * event store's cannot), looks again every 500 ms when it has caught up: a new event waited up to
 * that long before its projections saw it, and a processor asked to stop waited for its next look,
 * which made stopping the processors a tenth of a rebuild. The streams handed out here accept the
 * processor's callback; one thread follows the head of the store (the embedded store signals it
 * once an event is in the store's cache, where the processors' streams find it) and calls every
 * callback when events arrive, and at least every {@code maxWait} in case one was missed.
 * <p>
 * After calling them it lets at least {@code minInterval} pass before it calls them again: told
 * of every single event under load, the processors would handle each in a transaction of its own
 * (measured: consumptions through HTTP fell to half their rate), where a short pause gathers the
 * events that arrive meanwhile into one batch.
 */
public class EventArrivals implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Duration maxWait;
    private final Duration minInterval;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private Thread watcher;
    private volatile boolean closed;

    public EventArrivals(StreamableMessageSource<TrackedEventMessage<?>> store, Duration minInterval,
                         Duration maxWait) {
        this.store = store;
        this.minInterval = minInterval;
        this.maxWait = maxWait;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        watchFromFirstStream();
        return new AnnouncedStream(store.openStream(token));
    }

    /** Started with the first processor's stream: by then the store's tables exist. */
    private synchronized void watchFromFirstStream() {
        if (watcher == null && !closed) {
            watcher = new Thread(this::watch, "event-arrivals");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
        }
    }

    private void watch() {
        BlockingStream<TrackedEventMessage<?>> head = null;
        while (!closed) {
            try {
                if (head == null) {
                    head = store.openStream(store.createHeadToken());
                }
                if (head.hasNextAvailable((int) maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    // passed over without reading their payloads: only their arrival matters here
                    while (head.hasNextAvailable()) {
                        head.nextAvailable();
                    }
                }
                callbacks.forEach(Runnable::run);
                Thread.sleep(minInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // the processors still look for events on their own every few seconds meanwhile
                log.warn("following the event store's head failed; opening a new stream", e);
                closeQuietly(head);
                head = null;
                pause();
            }
        }
        closeQuietly(head);
    }

    private void pause() {
        try {
            Thread.sleep(maxWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private static void closeQuietly(BlockingStream<?> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                log.debug("closing a stream failed", e);
            }
        }
    }

    /** One processor's stream, whose arrival callback this source calls. */
    private final class AnnouncedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        AnnouncedStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
