package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.infra.eventstore.StoredAggregateVersions;
import com.zephycloud.ledger.infra.jdbc.DatabaseUnavailable;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Commits concurrent commands together. A request thread hands its command to a lane and waits;
 * the lane's thread takes every command queued meanwhile (at most {@code maxBatch}) and runs them
 * nested in one unit of work and one database transaction, as {@code SliceBilling} does with
 * slices: their events are appended in one batch, the registers written in one batch, and one
 * commit (one WAL flush) stores them all. Each waiting request is answered after that commit, so
 * an acknowledged command is stored, exactly as when it runs alone.
 * <p>
 * Under load this replaces four round trips and a commit per command by four per batch; a
 * lone command pays two thread hand-offs (tens of microseconds) instead. The fourth is the check
 * of the cached aggregates against the store ({@link StoreCheckedCache}), read for the whole
 * batch in one statement as it begins ({@link StoredAggregateVersions#readAhead}).
 * <p>
 * A command is always sent by the lane of its target aggregate, so two lanes never wait for each
 * other's aggregate locks, and the commands of one aggregate run in the order they arrived.
 * <p>
 * A batch fails whole (one transaction). When command {@code i} threw, the commands before it are
 * committed again as a batch, command {@code i} is run alone (its own answer, usually a refusal
 * such as insufficient credit, which stores nothing) and those after it as a batch. When the
 * commit itself failed (a conflict with another instance, a database error), each half is
 * committed on its own, down to single commands. No command is answered from a transaction that
 * did not commit, and none is applied twice: a rolled-back batch drops the cached aggregates it
 * touched, so a retry starts from what is stored.
 * <p>
 * A batch that failed because the database is unavailable is not split: each part would wait for
 * a connection again (the pool's timeout, 5 s), so a batch of 8 answered after 35 s instead of 5
 * (the fault harness, PostgreSQL stopped: a probe got no answer within 20 s). Every command of
 * the batch is answered with that failure, a 503 that says to send it again.
 */
public class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** Transactions committed, the commands they held, and commands waiting for a lane. */
    public record Counts(long transactions, long commands, int queued) {
    }

    private record Pending(CommandMessage<?> command, CompletableFuture<Object> answer) {
    }

    /** A failure of command {@code index} of a batch, or of the batch's commit ({@code index} -1). */
    private static final class BatchFailure extends RuntimeException {
        final int index;

        BatchFailure(int index, Throwable cause) {
            super(cause);
            this.index = index;
        }
    }

    private final CommandGateway gateway;
    private final TransactionManager transactions;
    private final CommandTargets targets;
    private final StoredAggregateVersions storedVersions;
    private final int maxBatch;
    private final List<Lane> lanes = new ArrayList<>();
    private final AtomicLong transactionCount = new AtomicLong();
    private final AtomicLong commandCount = new AtomicLong();
    private volatile IntConsumer committedBatches = size -> {
    };
    private volatile boolean open = true;
    private volatile boolean running;

    public GroupCommit(CommandGateway gateway, TransactionManager transactions, CommandTargets targets,
                       StoredAggregateVersions storedVersions, int laneCount, int maxBatch) {
        if (laneCount < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("group commit needs at least one lane and a batch of at least one,"
                    + " got " + laneCount + " lanes and batches of " + maxBatch);
        }
        this.gateway = gateway;
        this.transactions = transactions;
        this.targets = targets;
        this.storedVersions = storedVersions;
        this.maxBatch = maxBatch;
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new Lane("group-commit-" + i));
        }
    }

    /**
     * Runs {@code command} in the next transaction of its aggregate's lane and answers its result
     * once that transaction committed; throws what the command threw, as the command gateway does.
     */
    @SuppressWarnings("unchecked")
    public <R> R send(CommandMessage<?> command) {
        if (!open) {
            throw new ShuttingDown();
        }
        Pending pending = new Pending(command, new CompletableFuture<>());
        Lane lane = lanes.size() == 1 ? lanes.get(0)
                : lanes.get(Math.floorMod(targets.aggregateOf(command).hashCode(), lanes.size()));
        lane.queue.add(pending);
        try {
            return (R) pending.answer.get();
        } catch (ExecutionException e) {
            throw TransactionalUnitsOfWork.unchecked(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit of " + command.getPayloadType()
                    .getSimpleName() + "; it may still be stored", e);
        }
    }

    /** Told the number of commands of each committed transaction (the batch-size metric). */
    public void onCommitted(IntConsumer listener) {
        committedBatches = listener;
    }

    public Counts counts() {
        return new Counts(transactionCount.get(), commandCount.get(),
                lanes.stream().mapToInt(lane -> lane.queue.size()).sum());
    }

    /** Commands sent before the start wait for it. */
    @Override
    public synchronized void start() {
        if (!running) {
            running = true;
            lanes.forEach(lane -> lane.thread.start());
        }
    }

    /** Stops the lanes after the commands they hold; commands sent later are refused. */
    @Override
    public synchronized void stop() {
        open = false;
        running = false;
        for (Lane lane : lanes) {
            lane.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts after Axon subscribed the command handlers (Axon's phases are far lower) and before
     * the web server takes requests ({@code MAX_VALUE - 2048}); stops after the web server
     * answered its last request.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    private final class Lane implements Runnable {
        final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        final Thread thread;

        Lane(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            List<Pending> batch = new ArrayList<>(maxBatch);
            while (running || !queue.isEmpty()) {
                try {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    commit(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | Error e) {
                    // commit answers every command it was given; this is a bug, not a refusal
                    log.error("group commit lane failed; its commands are answered with the failure", e);
                    batch.forEach(pending -> pending.answer.completeExceptionally(e));
                } finally {
                    batch.clear();
                }
            }
        }

        void stop() {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // sent while the lane was stopping: refused, not lost, and nothing stored
            for (Pending late; (late = queue.poll()) != null; ) {
                late.answer().completeExceptionally(new ShuttingDown());
            }
        }
    }

    /** Commits {@code batch} and answers each of its commands (see the class comment for failures). */
    private void commit(List<Pending> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        try {
            TransactionalUnitsOfWork.run(new DefaultUnitOfWork<>(null), transactions, () -> {
                try (StoredAggregateVersions.ReadAhead ignored = storedVersions.readAhead(targetsOf(batch))) {
                    for (int i = 0; i < batch.size(); i++) {
                        try {
                            results.add(gateway.sendAndWait(batch.get(i).command()));
                        } catch (RuntimeException e) {
                            throw new BatchFailure(i, e);
                        }
                    }
                }
                return null;
            });
        } catch (RuntimeException failure) {
            int index = failure instanceof BatchFailure commandFailure ? commandFailure.index : -1;
            Throwable cause = index >= 0 ? failure.getCause() : failure;
            if (batch.size() == 1 || DatabaseUnavailable.isCause(cause)) {
                batch.forEach(pending -> pending.answer().completeExceptionally(cause));
            } else if (index >= 0) {
                commitEach(batch.subList(0, index));
                commit(batch.subList(index, index + 1));
                commitEach(batch.subList(index + 1, batch.size()));
            } else {
                log.info("a group of {} commands was rolled back, committing it in halves: {}", batch.size(),
                        cause.toString());
                int half = batch.size() / 2;
                commit(batch.subList(0, half));
                commit(batch.subList(half, batch.size()));
            }
            return;
        }
        transactionCount.incrementAndGet();
        commandCount.addAndGet(batch.size());
        committedBatches.accept(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(results.get(i));
        }
    }

    /** The aggregates the batch's commands target; a command without a readable target is left to its own answer. */
    private List<String> targetsOf(List<Pending> batch) {
        List<String> aggregates = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            try {
                aggregates.add(targets.aggregateOf(pending.command()));
            } catch (RuntimeException noTarget) {
                // the command bus refuses it with its own message when it is sent
            }
        }
        return aggregates;
    }

    private void commitEach(List<Pending> part) {
        if (!part.isEmpty()) {
            commit(part);
        }
    }
}
