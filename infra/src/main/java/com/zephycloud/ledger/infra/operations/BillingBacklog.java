package com.zephycloud.ledger.infra.operations;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The computing slices that are due and not charged yet, over all instances (the billing
 * schedule is shared): how many, and how late the oldest one is. A growing backlog means the
 * billing workers do not keep up, and jobs run on credit they may not have.
 */
final class BillingBacklog {

    record Snapshot(long dueSlices, double oldestAgeSeconds) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RecentValue<Snapshot> recent;

    BillingBacklog(JdbcTemplate jdbc, Clock clock, Duration maxAge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.recent = new RecentValue<>(this::measure, maxAge);
    }

    Snapshot current() {
        return recent.get();
    }

    private Snapshot measure() {
        long nowUs = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, clock.instant());
        return jdbc.queryForObject("SELECT count(*), min(due_us) FROM billing_schedule WHERE due_us <= ?",
                (row, n) -> {
                    long count = row.getLong(1);
                    long oldest = row.getLong(2);
                    return new Snapshot(count, count == 0 ? 0 : (nowUs - oldest) / 1_000_000.0);
                }, nowUs);
    }
}
