package com.zephycloud.ledger.infra.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-Sent Events over the feed: each subscriber catches up from its position, then keeps
 * polling the feed (every {@code pollInterval}) for new events. Every event goes out with its
 * position as the SSE id, so a client that reconnects with {@code Last-Event-ID} resumes right
 * after the last event it received. The same gap rule as the feed applies: nothing is skipped.
 * On shutdown every stream is ended first, so that open streams do not hold up the web server's
 * graceful shutdown; clients reconnect to another instance with Last-Event-ID.
 */
public class EventStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private final EventFeed feed;
    private final Settings settings;
    private final ScheduledExecutorService scheduler;
    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    /** How the stream polls: interval when caught up, comment line when idle, connection lifetime. */
    public record Settings(Duration pollInterval, Duration heartbeat, Duration timeout, int batch, int threads) {
    }

    public EventStream(EventFeed feed, Settings settings) {
        this.feed = feed;
        this.settings = settings;
        AtomicInteger count = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "event-stream-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public SseEmitter open(FeedQuery query) {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Subscription subscription = new Subscription(emitter, new FeedQuery(query.after(), settings.batch(),
                query.types(), query.userId(), query.jobId(), query.since()));
        open.add(subscription);
        emitter.onCompletion(subscription::close);
        emitter.onTimeout(subscription::close);
        emitter.onError(error -> subscription.close());
        scheduler.execute(subscription::poll);
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        for (Subscription subscription : open) {
            subscription.close();
            subscription.emitter.complete();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class Subscription {

        private final SseEmitter emitter;
        private FeedQuery query;
        private long lastSent = System.nanoTime();
        private volatile boolean closed;

        Subscription(SseEmitter emitter, FeedQuery query) {
            this.emitter = emitter;
            this.query = query;
        }

        void close() {
            closed = true;
            open.remove(this);
        }

        void poll() {
            if (closed) {
                return;
            }
            try {
                long before = query.after();
                FeedPage page = feed.read(query);
                for (PublishedEvent event : page.events()) {
                    emitter.send(SseEmitter.event()
                            .id(Long.toString(event.position()))
                            .name(event.type())
                            .data(event, MediaType.APPLICATION_JSON));
                    lastSent = System.nanoTime();
                }
                query = query.after(page.next());
                if (page.next() > before) {
                    scheduler.execute(this::poll);
                    return;
                }
                if (System.nanoTime() - lastSent > settings.heartbeat().toNanos()) {
                    emitter.send(SseEmitter.event().comment("waiting for events after " + page.next()));
                    lastSent = System.nanoTime();
                }
                scheduler.schedule(this::poll, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException | IllegalStateException gone) {
                close(); // the client went away; it resumes with Last-Event-ID
            } catch (RejectedExecutionException stopping) {
                close();
            } catch (RuntimeException e) {
                log.error("event stream failed after position {}", query.after(), e);
                close();
                emitter.completeWithError(e);
            }
        }
    }
}
