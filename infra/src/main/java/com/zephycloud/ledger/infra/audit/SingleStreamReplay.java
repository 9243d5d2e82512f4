package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.messaging.TransactionalUnitsOfWork;
import com.zephycloud.ledger.jdbc.SqlDialect;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Replays the event store into several stopped projections at once, reading it a single time.
 * Left to themselves, N reset processors would each read the whole event store (N reads); here
 * every event is read once and handed to each projection's handlers, on
 * {@code zephy.reports.rebuild-threads} workers, a batch of events per projection and database
 * transaction (see {@link Lane}). With each batch, each projection's
 * token is set to where the batch ends — the stream's own token, which keeps any gaps in the
 * global index — so that, once started, the processors go on from there, whether the replay
 * finished or was cut short.
 * <p>
 * Only projections whose handlers allow a reset are given here (see {@link ProjectionRebuild}),
 * so no handler refuses a replayed event.
 */
@Component
public class SingleStreamReplay {

    /** Batches handed to the lanes before the oldest of them must be done: bounds the events held in memory. */
    private static final int BATCHES_AHEAD = 3;

    private final EventStorageEngine storage;
    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final int batchSize;
    private final int threads;

    public SingleStreamReplay(EventStorageEngine storage, EventProcessingConfiguration processing,
                              TransactionManager transactions, JdbcTemplate jdbc, SqlDialect dialect,
                              @Value("${zephy.reports.rebuild-batch-size}") int batchSize,
                              @Value("${zephy.reports.rebuild-threads}") int threads) {
        this.storage = storage;
        this.processing = processing;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.postgres = dialect == SqlDialect.POSTGRESQL;
        this.batchSize = batchSize;
        this.threads = threads;
    }

    /**
     * Hands every event up to global index {@code head} to the handlers of {@code processors}
     * (stopped, their read models emptied), then stores their tokens; reports to {@code progress}
     * the last global index of each batch that every projection has handled.
     */
    public void replay(List<? extends EventProcessor> processors, long head, LongConsumer progress) throws Exception {
        List<Lane> lanes = processors.stream().map(this::lane).toList();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, lanes.size())),
                new WorkerThreads());
        Deque<HandledBatch> inFlight = new ArrayDeque<>();
        try (BatchReader reader = new BatchReader(head)) {
            for (List<TrackedEventMessage<?>> batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
                inFlight.addLast(HandledBatch.handOut(batch, lanes, workers));
                while (inFlight.size() > BATCHES_AHEAD) {
                    inFlight.removeFirst().await(progress);
                }
            }
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().await(progress);
            }
        } finally {
            // after a failure, the other lanes finish the batch they are in and take no other:
            // nothing writes once the replay has returned
            lanes.forEach(Lane::stop);
            CompletableFuture.allOf(lanes.stream().map(Lane::settled).toArray(CompletableFuture[]::new)).join();
            workers.shutdown();
        }
        transactions.executeInTransaction(() -> lanes.forEach(lane -> lane.segments().releaseClaims()));
    }

    private Lane lane(EventProcessor processor) {
        return new Lane(new Projection(((AbstractEventProcessor) processor).eventHandlerInvoker()), segments(processor));
    }

    /**
     * One projection's share of the replay: its batches in order, each in a transaction of its own
     * with its token, on whichever worker is free. The projections write disjoint tables and, as
     * live processors, already move on independently of each other, so they need no common
     * transaction; apart, one projection's statements run in the database while another's
     * handlers run in the JVM, and the database works on several of them at once.
     */
    private final class Lane {
        private final Projection projection;
        private final Segments segments;
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
        private volatile boolean stopped;

        Lane(Projection projection, Segments segments) {
            this.projection = projection;
            this.segments = segments;
        }

        Segments segments() {
            return segments;
        }

        /** Handles {@code batch} once the previous one is handled; skipped if that failed. */
        CompletableFuture<Void> then(List<TrackedEventMessage<?>> batch, TrackingToken last, ExecutorService workers) {
            tail = tail.thenRunAsync(() -> handle(batch, last), workers);
            return tail;
        }

        /** The batches given and not started yet are skipped. */
        void stop() {
            stopped = true;
        }

        /** Completes when the last batch given has been handled or skipped, failed or not. */
        CompletableFuture<Void> settled() {
            return tail.handle((done, failure) -> null);
        }

        /**
         * One batch in one transaction: the projection's rows and its tokens together, so that a
         * replay cut short by a crash goes on, once the processor starts again, from its last batch.
         */
        private void handle(List<TrackedEventMessage<?>> batch, TrackingToken last) {
            if (stopped) {
                throw new CancellationException("the replay stopped");
            }
            // One unit of work for the whole batch, its message the batch's last event: the handlers
            // take each event as their argument, and Axon's batching unit of work would wrap every
            // handler's result in a result message of its own (a random UUID each).
            DefaultUnitOfWork<EventMessage<?>> unitOfWork = new DefaultUnitOfWork<>(batch.get(batch.size() - 1));
            unitOfWork.onPrepareCommit(batchUnit -> segments.store(last));
            if (postgres) {
                // A batch need not wait for its WAL flush: if the server stops, the batches since the
                // last flush are lost together with their tokens, and are replayed again. The claims
                // are released in a synchronous commit at the end, which flushes all before it.
                unitOfWork.onPrepareCommit(batchUnit -> jdbc.execute("SET LOCAL synchronous_commit TO OFF"));
            }
            TransactionalUnitsOfWork.run(unitOfWork, transactions, () -> {
                for (EventMessage<?> event : batch) {
                    projection.handle(event);
                }
                return null;
            });
        }
    }

    /** A batch given to every lane: done when each has handled it. */
    private record HandledBatch(long position, CompletableFuture<Void> handled) {

        static HandledBatch handOut(List<TrackedEventMessage<?>> batch, List<Lane> lanes, ExecutorService workers) {
            TrackingToken last = batch.get(batch.size() - 1).trackingToken();
            return new HandledBatch(SingleStreamReplay.position(last), CompletableFuture.allOf(
                    lanes.stream().map(lane -> lane.then(batch, last, workers)).toArray(CompletableFuture[]::new)));
        }

        void await(LongConsumer progress) throws Exception {
            try {
                handled.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            progress.accept(position);
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "projection-rebuild-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /**
     * One projection's handlers. Most events concern few projections: which payload types each of
     * its handlers takes is remembered, so the others are passed over without asking. The handlers
     * are called directly, not through Axon's invokers, which for every event ask each of them
     * again whether it supports a reset and can handle the event (streams over every handler,
     * measured at two fifths of the handling time) and which segment the event belongs to (every
     * event belongs to the one segment a replay has). Here every projection supports a reset, and
     * errors propagate as the processors' error handler lets them.
     */
    private static final class Projection {
        private final List<EventMessageHandler> handlers;
        private final Map<Class<?>, List<EventMessageHandler>> handlersOf = new HashMap<>();

        Projection(EventHandlerInvoker invoker) {
            this.handlers = handlers(invoker);
        }

        void handle(EventMessage<?> event) throws Exception {
            List<EventMessageHandler> handling = handlersOf.computeIfAbsent(event.getPayloadType(),
                    type -> handlers.stream().filter(handler -> handler.canHandleType(type)).toList());
            for (EventMessageHandler handler : handling) {
                handler.handle(event);
            }
        }

        private static List<EventMessageHandler> handlers(EventHandlerInvoker invoker) {
            if (invoker instanceof MultiEventHandlerInvoker multi) {
                return multi.delegates().stream().flatMap(delegate -> handlers(delegate).stream()).toList();
            }
            if (invoker instanceof SimpleEventHandlerInvoker simple) {
                return simple.eventHandlers();
            }
            throw new IllegalStateException("a projection's handlers come in an invoker the replay does not know: "
                    + invoker.getClass().getName());
        }
    }

    /**
     * Reads and deserializes the event store up to {@code head} in batches on its own thread, one
     * batch ahead, so that reading overlaps with handling and writing.
     */
    private final class BatchReader implements AutoCloseable {
        private static final List<TrackedEventMessage<?>> END = List.of();

        private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(2);
        private final Thread thread;
        private volatile boolean closed;

        BatchReader(long head) {
            thread = new Thread(() -> read(head), "projection-rebuild-reader");
            thread.setDaemon(true);
            thread.start();
        }

        private void read(long head) {
            try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
                List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
                boolean more = events.hasNext();
                while (more && !closed) {
                    TrackedEventMessage<?> event = events.next();
                    // deserialized here, on the reader's thread, not on the workers that handle and
                    // write: each lazy part is then decoded once, not by every projection's lane
                    event.getPayload();
                    event.getMetaData();
                    event.getTimestamp();
                    batch.add(event);
                    more = position(event.trackingToken()) < head && events.hasNext();
                    if (batch.size() == batchSize || !more) {
                        batches.put(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
                batches.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                try {
                    batches.put(e);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The next batch; empty at the end. */
        @SuppressWarnings("unchecked")
        List<TrackedEventMessage<?>> next() throws InterruptedException {
            Object next = batches.take();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return (List<TrackedEventMessage<?>>) next;
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
        }
    }

    private Segments segments(EventProcessor processor) {
        TokenStore tokens = processing.tokenStore(processor.getName());
        int[] segments = transactions.fetchInTransaction(() -> tokens.fetchSegments(processor.getName()));
        return new Segments(processor.getName(), tokens, segments);
    }

    /** A stopped processor's token segments, which the replay moves forward batch by batch. */
    private record Segments(String processor, TokenStore tokens, int[] segments) {

        /** In the current transaction; claims the segments for this instance. */
        void store(TrackingToken token) {
            for (int segment : segments) {
                tokens.storeToken(token, processor, segment);
            }
        }

        void releaseClaims() {
            for (int segment : segments) {
                tokens.releaseClaim(processor, segment);
            }
        }
    }

    private static long position(TrackingToken token) {
        return token.position().orElse(-1);
    }
}
