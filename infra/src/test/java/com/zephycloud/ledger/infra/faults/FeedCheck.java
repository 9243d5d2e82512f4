package com.zephycloud.ledger.infra.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The event feed paged from the start ({@code /service/events/list}, 1,000 a page, each page after
 * the previous {@code next}), against the positions in the event store: every stored position
 * once, in order, nothing else. The feed holds back before a missing position for the gap timeout
 * (10 s), so it is read until its {@code next} reaches the store's head, for a minute at most.
 */
final class FeedCheck {

    private final HarnessHttp http;
    private final ThrowawayPostgres database;

    FeedCheck(HarnessHttp http, ThrowawayPostgres database) {
        this.http = http;
        this.database = database;
    }

    /** The feed's events, once the feed has been compared with the store. */
    List<JsonNode> check(int port, CheckResult result) throws SQLException, InterruptedException {
        TreeSet<Long> stored = storedPositions();
        long head = stored.isEmpty() ? 0 : stored.last();
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (after < head && System.nanoTime() < deadline) {
            HttpAnswer page = http.service(port, "/service/events/list/", Map.of("after", after, "limit", 1000));
            if (!page.acknowledged()) {
                result.mismatch("events/list after=" + after + ": " + page);
                return events;
            }
            page.data().get("events").forEach(events::add);
            long next = page.data().get("next").asLong();
            if (next == after) {
                Thread.sleep(500); // held back before a gap, for the gap timeout
            }
            after = next;
        }
        if (after < head) {
            result.mismatch("the feed stops at position " + after + ", the store's head is " + head);
        }
        long previous = 0;
        TreeSet<Long> served = new TreeSet<>();
        for (JsonNode event : events) {
            long position = event.get("position").asLong();
            if (position <= previous) {
                result.mismatch("the feed serves position " + position + " after " + previous);
            }
            previous = Math.max(previous, position);
            served.add(position);
        }
        TreeSet<Long> missing = new TreeSet<>(stored);
        missing.removeAll(served);
        served.removeAll(stored);
        if (!missing.isEmpty()) {
            result.mismatch(missing.size() + " stored positions not in the feed, first " + missing.first());
        }
        if (!served.isEmpty()) {
            result.mismatch(served.size() + " feed positions not in the store, first " + served.first());
        }
        result.note("feed: " + events.size() + " events, store: " + stored.size() + " events up to position " + head);
        return events;
    }

    private TreeSet<Long> storedPositions() throws SQLException {
        TreeSet<Long> positions = new TreeSet<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT global_index FROM domain_event_entry")) {
            while (rows.next()) {
                positions.add(rows.getLong(1));
            }
        }
        return positions;
    }
}
