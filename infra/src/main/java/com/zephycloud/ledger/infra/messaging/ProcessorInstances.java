package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.infra.eventstore.InstanceName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The application instances sharing the database, as the {@code processor_instance} table tells:
 * each instance writes its row every {@code interval} and counts those written within
 * {@code liveFor} (the token store's claim timeout: an instance silent that long has lost its
 * claims too). An instance that stops removes its row. Time is the instances' own wall clock;
 * their skew should stay well below {@code liveFor}.
 */
public class ProcessorInstances implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorInstances.class);
    /** Rows of instances gone for this long are removed by whoever sees them. */
    private static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final String self;
    private final Duration interval;
    private final Duration liveFor;
    private final Runnable onChange;
    private volatile List<String> live;
    private ScheduledExecutorService timer;

    /** @param onChange run after every look at the table, on the heartbeat's thread */
    public ProcessorInstances(JdbcTemplate jdbc, InstanceName self, Duration interval, Duration liveFor,
                              Runnable onChange) {
        this.jdbc = jdbc;
        this.self = self.value();
        this.interval = interval;
        this.liveFor = liveFor;
        this.onChange = onChange;
        this.live = List.of(this.self);
    }

    /** The live instances' names, sorted, this one always among them. */
    public List<String> live() {
        return live;
    }

    public String self() {
        return self;
    }

    /** Writes this instance's row and reads the live ones. */
    public void beat() {
        long nowUs = System.currentTimeMillis() * 1000;
        if (jdbc.update("UPDATE processor_instance SET seen_us = ? WHERE owner = ?", nowUs, self) == 0) {
            jdbc.update("INSERT INTO processor_instance (owner, seen_us) VALUES (?, ?)", self, nowUs);
        }
        jdbc.update("DELETE FROM processor_instance WHERE seen_us < ?", nowUs - FORGOTTEN_AFTER.toMillis() * 1000);
        List<String> seen = jdbc.queryForList("SELECT owner FROM processor_instance WHERE seen_us >= ? OR owner = ?"
                + " ORDER BY owner", String.class, nowUs - liveFor.toMillis() * 1000, self);
        live = List.copyOf(seen);
        onChange.run();
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-instances");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beatQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            // the database may be away: the last known instances stay in force meanwhile
            log.warn("could not record this instance among the live ones: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        timer = null;
        try {
            jdbc.update("DELETE FROM processor_instance WHERE owner = ?", self);
        } catch (RuntimeException e) {
            log.warn("could not remove this instance from the live ones: {}", e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
