package com.zephycloud.ledger.infra.faults;

import java.util.ArrayList;
import java.util.List;

/** The table printed at the end: one row per fault, then what the checks found. */
final class FaultReport {

    private record Row(String fault, Tally tally, CheckResult result, double seconds) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String fault, Tally tally, CheckResult result, double seconds) {
        rows.add(new Row(fault, tally, result, seconds));
    }

    boolean failed() {
        return rows.stream().anyMatch(row -> row.result.lost() > 0 || row.result.mismatches() > 0);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-26s %9s %9s %6s %6s %6s %10s %5s %10s %8s%n", "fault", "requests", "successes",
                "4xx", "5xx", "(503)", "unanswered", "lost", "mismatches", "req/s"));
        for (Row row : rows) {
            Tally t = row.tally;
            out.append(String.format("%-26s %9d %9d %6d %6d %6d %10d %5d %10d %8.0f%n", row.fault, t.requests.get(),
                    t.successes.get(), t.clientErrors.get(), t.serverErrors.get(), t.unavailable.get(),
                    t.unanswered.get(), row.result.lost(), row.result.mismatches(), t.requests.get() / row.seconds));
        }
        for (Row row : rows) {
            out.append(row.fault).append(":\n");
            row.result.details().forEach(line -> out.append("  ").append(line).append('\n'));
            row.tally.unexpected().forEach(line -> out.append("  unexpected answer ").append(line).append('\n'));
        }
        return out.toString();
    }
}
