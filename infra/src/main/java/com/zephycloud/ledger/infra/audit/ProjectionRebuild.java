package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.messaging.ProcessingGroups;
import com.zephycloud.ledger.infra.messaging.ProcessorPositions;
import com.zephycloud.ledger.infra.messaging.StreamingProcessors;
import com.zephycloud.ledger.jdbc.Micros;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Resets and replays projections from the event store: each chosen streaming processor is shut
 * down and its tokens reset (its @ResetHandler empties its tables); the event store is then read
 * once and replayed into all of them together ({@link SingleStreamReplay}), and the processors are
 * started again from where the replay ended. The command side's registers (subscribing processors, such as
 * the ledger's "ledger-entry-register") are never reset: they are not projections, they
 * hold the rules' state; nor are sagas, which do not support a reset. One rebuild at a time per instance; on several instances, the tokens
 * can only be reset while no other instance holds a segment of that processor.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final int PARALLEL_RESETS = 4;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration pollInterval;
    private final SingleStreamReplay replay;
    private volatile Run current;

    public ProjectionRebuild(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock,
                             @Value("${zephy.reports.rebuild-poll-interval}") Duration pollInterval,
                             SingleStreamReplay replay) {
        this.processing = processing;
        this.replay = replay;
        this.jdbc = jdbc;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    /**
     * The projections that can be rebuilt, by name: the declared read models
     * ({@link ProcessingGroups}). Outbound processors are never replayed (their effects are on
     * other systems: the broker would get every event again); the registers run on subscribing
     * processors, which are not streaming ones.
     */
    public Map<String, StreamingEventProcessor> projections() {
        Map<String, StreamingEventProcessor> projections = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (ProcessingGroups.isReadModel(name) && processor instanceof StreamingEventProcessor streaming
                    && streaming.supportsReset()) {
                projections.put(name, streaming);
            }
        });
        return projections;
    }

    /** Whether {@code name} is a register of the command side (a subscribing processor), never reset. */
    public boolean isRegister(String name) {
        return processing.eventProcessor(name).filter(SubscribingEventProcessor.class::isInstance).isPresent();
    }

    /** Starts rebuilding {@code names} in the background and answers at once. */
    public synchronized RebuildStatus start(List<String> names) {
        if (current != null && current.running()) {
            throw new IllegalStateException("a rebuild is already running (" + String.join(", ", current.names)
                    + "); follow it with audit/rebuild_status");
        }
        Map<String, StreamingEventProcessor> all = projections();
        List<StreamingEventProcessor> chosen = names.stream().map(all::get).toList();
        Long first = jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry", Long.class);
        Run run = new Run(List.copyOf(names), chosen, first == null ? 0 : first, ProcessorPositions.head(jdbc),
                clock.instant());
        run.markRebuilding();
        current = run;
        Thread thread = new Thread(run::execute, "projection-rebuild");
        thread.setDaemon(true);
        thread.start();
        return run.status();
    }

    public RebuildStatus status() {
        Run run = current;
        return run == null ? RebuildStatus.IDLE : run.status();
    }

    private final class Run {

        private final List<String> names;
        private final List<StreamingEventProcessor> processors;
        private final long first;
        private final long head;
        private final Instant startedAt;
        private final long startedNanos = System.nanoTime();
        private volatile long finishedNanos;
        private volatile Instant finishedAt;
        private volatile String error;
        private volatile long replayed = -1;

        Run(List<String> names, List<StreamingEventProcessor> processors, long first, long head, Instant startedAt) {
            this.names = names;
            this.processors = processors;
            this.first = first;
            this.head = head;
            this.startedAt = startedAt;
        }

        boolean running() {
            return finishedAt == null && error == null;
        }

        void execute() {
            try {
                StreamingProcessors.stopTogether(processors);
                long stopped = System.nanoTime();
                resetAll();
                long reset = System.nanoTime();
                replay.replay(processors, head, position -> replayed = position);
                long replayedAt = System.nanoTime();
                processors.forEach(StreamingEventProcessor::start);
                while (!caughtUp()) {
                    Thread.sleep(pollInterval.toMillis());
                }
                unmarkRebuilding();
                finishedNanos = System.nanoTime();
                finishedAt = clock.instant();
                log.info("rebuilt {} in {} ms: stop {} ms, reset {} ms, replay {} ms, restart {} ms", names,
                        millis(startedNanos, finishedNanos), millis(startedNanos, stopped), millis(stopped, reset),
                        millis(reset, replayedAt), millis(replayedAt, finishedNanos));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                startStopped();
            } catch (Exception e) {
                log.error("rebuild of {} failed", names, e);
                error = String.valueOf(e.getMessage());
                startStopped();
            }
        }

        /**
         * Rows of {@code projection_rebuild}, committed before the rebuild is answered, hence before
         * any table is emptied, so that every instance's readers see them with any partly rebuilt
         * table. A failed rebuild leaves them:
         * the projections then go on from their last batch, and nothing tells when they are whole
         * again; the next rebuild that finishes removes them.
         */
        private void markRebuilding() {
            long startedAtUs = Micros.of(startedAt);
            for (String name : names) {
                jdbc.update("DELETE FROM projection_rebuild WHERE processor_name = ?", name);
                jdbc.update("INSERT INTO projection_rebuild (processor_name, started_at_us) VALUES (?, ?)",
                        name, startedAtUs);
            }
        }

        private void unmarkRebuilding() {
            names.forEach(name -> jdbc.update("DELETE FROM projection_rebuild WHERE processor_name = ?", name));
        }

        /**
         * Resets the processors' tokens, emptying their tables, a few at a time: each reset is a
         * transaction of its own (its tables' TRUNCATE, its tokens), mostly waiting for the
         * database to drop and create files, and no two projections share a table.
         */
        private void resetAll() {
            ExecutorService resets = Executors.newFixedThreadPool(Math.min(PARALLEL_RESETS, processors.size()));
            try {
                CompletableFuture.allOf(processors.stream()
                        .map(processor -> CompletableFuture.runAsync(processor::resetTokens, resets))
                        .toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            } finally {
                resets.shutdown();
            }
        }

        /**
         * After a failure, the processors go on by themselves: from their last replayed batch (each
         * batch stored its rows and tokens together), or from their reset tokens if the replay had
         * not stored one yet, or from where they were if the failure came before their reset.
         */
        private void startStopped() {
            processors.stream().filter(processor -> !processor.isRunning()).forEach(StreamingEventProcessor::start);
        }

        private static long millis(long fromNanos, long toNanos) {
            return (toNanos - fromNanos) / 1_000_000;
        }

        private boolean caughtUp() {
            for (StreamingEventProcessor processor : processors) {
                if (processor.isReplaying() || position(processor) < head) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The lowest position over the processor's segments; -1 until this instance holds segments
         * covering the whole event stream (each segment covers 1 / (mask + 1) of it).
         */
        private long position(StreamingEventProcessor processor) {
            return ProcessorPositions.holdsWholeStream(processor)
                    ? ProcessorPositions.lowestHeld(processor).orElse(-1) : -1;
        }


        RebuildStatus status() {
            long total = head < first ? 0 : head - first + 1;
            List<ProjectionProgress> progress = new ArrayList<>();
            long done = 0;
            for (int i = 0; i < processors.size(); i++) {
                long position = Math.max(replayed, position(processors.get(i)));
                long events = finishedAt != null ? total : Math.max(0, Math.min(total, position - first + 1));
                progress.add(new ProjectionProgress(names.get(i), events, total));
                done += events;
            }
            long allEvents = total * processors.size();
            double elapsed = ((finishedAt == null ? System.nanoTime() : finishedNanos) - startedNanos) / 1e9;
            double rate = elapsed <= 0 ? 0 : done / elapsed;
            Double eta = finishedAt != null ? Double.valueOf(0) : rate > 0 ? (allEvents - done) / rate : null;
            String state = error != null ? "failed" : finishedAt != null ? "finished" : "running";
            return new RebuildStatus(state, progress, done, allEvents, rate, eta, elapsed, startedAt.getEpochSecond(),
                    finishedAt == null ? null : finishedAt.getEpochSecond(), error);
        }
    }
}
