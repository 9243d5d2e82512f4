package com.zephycloud.ledger.infra.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The head of the event store as read-your-writes needs it, without a database round trip per
 * query: the last head read is reused as long as this instance has committed no event since
 * that read (a later local commit makes the next query read the head again, so a read that
 * follows a write on this instance still sees it) and the read is younger than
 * {@code zephy.read.head-max-age}, which bounds how late a query sees writes of other instances.
 */
@Component
public class EventStoreHead {

    private final JdbcTemplate jdbc;
    private final long maxAgeNanos;
    /** Local commits of appended events so far; a head read is valid only for the count it was read at. */
    private final AtomicLong commits = new AtomicLong();
    private final AtomicReference<Reading> last = new AtomicReference<>();
    private volatile boolean untracked;

    public EventStoreHead(JdbcTemplate jdbc, @Value("${zephy.read.head-max-age}") Duration maxAge) {
        this.jdbc = jdbc;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The highest global index stored, or -1 when the event store is empty. */
    public long current() {
        // Both are taken before the database read: a commit counted after this point makes the
        // reading stale for the next query, and the age runs from before the read.
        long seenCommits = commits.get();
        long now = System.nanoTime();
        Reading reading = last.get();
        if (!untracked && reading != null && reading.commits() == seenCommits && now - reading.atNanos() < maxAgeNanos) {
            return reading.head();
        }
        long head = ProcessorPositions.head(jdbc);
        last.accumulateAndGet(new Reading(seenCommits, head, now), Reading::newer);
        return head;
    }

    /** A transaction of this instance that appended events has ended (committed or not). */
    void appendCommitted() {
        commits.incrementAndGet();
    }

    /** Events were appended where their commit cannot be observed: from now on every query reads the head. */
    void appendUntracked() {
        untracked = true;
    }

    private record Reading(long commits, long head, long atNanos) {

        static Reading newer(Reading old, Reading candidate) {
            if (old == null || candidate.commits > old.commits) {
                return candidate;
            }
            return candidate.commits == old.commits && candidate.atNanos > old.atNanos ? candidate : old;
        }
    }
}
