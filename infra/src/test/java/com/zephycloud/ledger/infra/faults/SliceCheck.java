package com.zephycloud.ledger.infra.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.ArrayList;

/**
 * No slice charged twice or skipped: per job, the charged slices are 0..n-1 each once, each paid
 * by exactly one consumption of its own transaction; and, with every job ended, nothing is left
 * in the billing schedule. Slices that start after their job's end time are counted (a note):
 * the finish reads its time before its command commits, and a slice charged in between is
 * legitimately paid ahead.
 */
final class SliceCheck {

    private final ThrowawayPostgres database;
    private final Duration firstSlice;
    private final Duration nextSlices;

    SliceCheck(ThrowawayPostgres database, Duration firstSlice, Duration nextSlices) {
        this.database = database;
        this.firstSlice = firstSlice;
        this.nextSlices = nextSlices;
    }

    void check(List<JsonNode> events, CheckResult result) throws SQLException {
        Map<Long, List<Integer>> slices = new TreeMap<>();
        Map<Long, Integer> paidBy = new HashMap<>();
        Map<Long, Instant> started = new HashMap<>();
        Map<Long, Instant> finished = new HashMap<>();
        List<Long> sliceTransactions = new ArrayList<>();
        for (JsonNode event : events) {
            JsonNode payload = event.get("payload");
            switch (event.get("type").asText()) {
                case "computations.ComputationSliceCharged" -> {
                    slices.computeIfAbsent(payload.get("job_id").asLong(), job -> new ArrayList<>())
                            .add(payload.get("slice_number").asInt());
                    sliceTransactions.add(payload.get("transaction_id").asLong());
                }
                case "ledger.CreditConsumed" -> paidBy.merge(payload.get("transaction_id").asLong(), 1, Integer::sum);
                case "computations.ComputationStarted" ->
                        started.put(payload.get("job_id").asLong(), Instant.parse(payload.get("start_time").asText()));
                case "computations.ComputationFinished" ->
                        finished.put(payload.get("job_id").asLong(), Instant.parse(payload.get("end_time").asText()));
                default -> {
                }
            }
        }
        long charged = 0;
        long covering = 0;
        long lateSlices = 0;
        for (Map.Entry<Long, List<Integer>> job : slices.entrySet()) {
            List<Integer> numbers = job.getValue();
            TreeSet<Integer> distinct = new TreeSet<>(numbers);
            if (distinct.size() != numbers.size() || distinct.first() != 0 || distinct.last() != numbers.size() - 1) {
                result.mismatch("job " + job.getKey() + " slices charged " + numbers);
            }
            charged += numbers.size();
            Instant start = started.get(job.getKey());
            Instant end = finished.get(job.getKey());
            if (start != null && end != null) {
                long due = slicesStartingBefore(start, end);
                covering += due;
                if (numbers.size() > due) {
                    // a slice charged while the finish was in flight: the finish's time is read
                    // before its command commits, and a billing batch committed in between
                    lateSlices += numbers.size() - due;
                }
            }
        }
        for (long transaction : sliceTransactions) {
            if (paidBy.getOrDefault(transaction, 0) != 1) {
                result.mismatch("slice transaction " + transaction + " has " + paidBy.getOrDefault(transaction, 0)
                        + " consumptions");
            }
        }
        long scheduled = count("SELECT count(*) FROM billing_schedule");
        if (scheduled != 0) {
            result.mismatch(scheduled + " jobs still in billing_schedule with every job ended");
        }
        long registered = count("SELECT count(*) FROM computation_slice_charge");
        if (registered != charged) {
            result.mismatch("computation_slice_charge has " + registered + " rows, the events " + charged + " slices");
        }
        result.note("slices: " + charged + " charged over " + slices.size() + " jobs; " + covering
                + " start before the end of their finished job; " + lateSlices + " start after it (charged while"
                + " the finish was in flight)");
    }

    /** Slice 0 starts at the start, slice k ≥ 1 at start + first + (k - 1) × next. */
    private long slicesStartingBefore(Instant start, Instant end) {
        long ran = Duration.between(start, end).toMillis();
        if (ran <= 0) {
            return 0;
        }
        long afterFirst = ran - firstSlice.toMillis();
        return afterFirst <= 0 ? 1 : 1 + (afterFirst + nextSlices.toMillis() - 1) / nextSlices.toMillis();
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
