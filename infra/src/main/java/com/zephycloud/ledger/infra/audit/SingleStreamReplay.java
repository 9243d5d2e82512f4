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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Replays the event store into several stopped projections at once, reading it a single time.
 * Left to themselves, N reset processors would each read the whole event store (N reads, N
 * transactions per batch); here every event is read once and handed to each projection's handlers,
 * a batch of events per database transaction for all of them. With each batch, each projection's
 * token is set to where the batch ends — the stream's own token, which keeps any gaps in the
 * global index — so that, once started, the processors go on from there, whether the replay
 * finished or was cut short.
 * <p>
 * Only projections whose handlers allow a reset are given here (see {@link ProjectionRebuild}),
 * so no handler refuses a replayed event.
 */
@Component
public class SingleStreamReplay {

    private final EventStorageEngine storage;
    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final int batchSize;

    public SingleStreamReplay(EventStorageEngine storage, EventProcessingConfiguration processing,
                              TransactionManager transactions, JdbcTemplate jdbc, SqlDialect dialect,
                              @Value("${zephy.reports.rebuild-batch-size}") int batchSize) {
        this.storage = storage;
        this.processing = processing;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.postgres = dialect == SqlDialect.POSTGRESQL;
        this.batchSize = batchSize;
    }

    /**
     * Hands every event up to global index {@code head} to the handlers of {@code processors}
     * (stopped, their read models emptied), then stores their tokens; reports each batch's last
     * global index to {@code progress}.
     */
    public void replay(List<? extends EventProcessor> processors, long head, LongConsumer progress) throws Exception {
        List<Projection> projections = processors.stream()
                .map(processor -> new Projection(((AbstractEventProcessor) processor).eventHandlerInvoker())).toList();
        List<Segments> segments = processors.stream().map(this::segments).toList();
        try (BatchReader reader = new BatchReader(head)) {
            for (List<TrackedEventMessage<?>> batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
                TrackingToken last = batch.get(batch.size() - 1).trackingToken();
                handle(batch, projections, segments, last);
                progress.accept(position(last));
            }
        }
        transactions.executeInTransaction(() -> segments.forEach(Segments::releaseClaims));
    }

    /**
     * One batch in one transaction: the projections' rows and their tokens together, so that a
     * replay cut short by a crash goes on, once the processors start again, from its last batch.
     */
    private void handle(List<TrackedEventMessage<?>> batch, List<Projection> projections, List<Segments> segments,
                        TrackingToken last) {
        // One unit of work for the whole batch, its message the batch's last event: the handlers
        // take each event as their argument, and Axon's batching unit of work would wrap every
        // handler's result in a result message of its own (a random UUID each).
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = new DefaultUnitOfWork<>(batch.get(batch.size() - 1));
        unitOfWork.onPrepareCommit(batchUnit -> segments.forEach(processor -> processor.store(last)));
        if (postgres) {
            // A batch need not wait for its WAL flush: if the server stops, the batches since the
            // last flush are lost together with their tokens, and are replayed again. The claims
            // are released in a synchronous commit at the end, which flushes all before it.
            unitOfWork.onPrepareCommit(batchUnit -> jdbc.execute("SET LOCAL synchronous_commit TO OFF"));
        }
        TransactionalUnitsOfWork.run(unitOfWork, transactions, () -> {
            for (EventMessage<?> event : batch) {
                for (Projection projection : projections) {
                    projection.handle(event);
                }
            }
            return null;
        });
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
                    // deserialized here, on the reader's thread, not on the thread that handles and
                    // writes (the storage engine parsed its timestamp as it read it)
                    event.getPayload();
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
