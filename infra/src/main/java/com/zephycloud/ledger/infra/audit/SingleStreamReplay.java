package com.zephycloud.ledger.infra.audit;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.beans.factory.annotation.Value;
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
 * a batch of events per database transaction for all of them. At the end each projection's token
 * is set to where the replay stopped — the stream's own token, which keeps any gaps in the global
 * index — so that, once started, the processors go on from there.
 * <p>
 * Only projections whose handlers allow a reset are given here (see {@link ProjectionRebuild}),
 * so no handler refuses a replayed event.
 */
@Component
public class SingleStreamReplay {

    private final EventStorageEngine storage;
    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final int batchSize;

    public SingleStreamReplay(EventStorageEngine storage, EventProcessingConfiguration processing,
                              TransactionManager transactions,
                              @Value("${zephy.reports.rebuild-batch-size}") int batchSize) {
        this.storage = storage;
        this.processing = processing;
        this.transactions = transactions;
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
        TrackingToken last = null;
        try (BatchReader reader = new BatchReader(head)) {
            for (List<TrackedEventMessage<?>> batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
                handle(batch, projections);
                last = batch.get(batch.size() - 1).trackingToken();
                progress.accept(position(last));
            }
        }
        if (last != null) {
            storeTokens(processors, last);
        }
    }

    private void handle(List<TrackedEventMessage<?>> batch, List<Projection> projections) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            for (Projection projection : projections) {
                projection.handle(event);
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw cause instanceof Exception exception ? exception : new IllegalStateException(cause);
        }
    }

    /**
     * One projection's handlers. Most events concern few projections: which payload types a
     * projection has no handler for is remembered, so they are passed over without asking every
     * handler each time.
     */
    private static final class Projection {
        private final EventHandlerInvoker invoker;
        private final Map<Class<?>, Boolean> handlesType = new HashMap<>();

        Projection(EventHandlerInvoker invoker) {
            this.invoker = invoker;
        }

        void handle(EventMessage<?> event) throws Exception {
            if (handlesType.computeIfAbsent(event.getPayloadType(), invoker::canHandleType)
                    && invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                invoker.handle(event, Segment.ROOT_SEGMENT);
            }
        }
    }

    /**
     * Reads the event store up to {@code head} in batches on its own thread, one batch ahead, so
     * that reading overlaps with handling and writing.
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

    private void storeTokens(List<? extends EventProcessor> processors, TrackingToken token) {
        transactions.executeInTransaction(() -> {
            for (EventProcessor processor : processors) {
                TokenStore tokens = processing.tokenStore(processor.getName());
                for (int segment : tokens.fetchSegments(processor.getName())) {
                    tokens.storeToken(token, processor.getName(), segment);
                    tokens.releaseClaim(processor.getName(), segment);
                }
            }
        });
    }

    private static long position(TrackingToken token) {
        return token.position().orElse(-1);
    }
}
