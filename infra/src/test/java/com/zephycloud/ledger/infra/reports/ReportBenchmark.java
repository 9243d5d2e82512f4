package com.zephycloud.ledger.infra.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.infra.support.HistoryWriter;
import com.zephycloud.ledger.infra.support.LedgerHistory;
import com.zephycloud.ledger.infra.support.TestDatabase;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;
import com.zephycloud.ledger.query.reports.ListUserReports;
import com.zephycloud.ledger.query.reports.ReportWindow;
import com.zephycloud.ledger.query.reports.UserReportPage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports and rebuild on long histories (docs/benchmarks.md, "Reports"). Query benchmarks read
 * read models filled by bulk SQL (exactly the rows the projections would write); the rebuild
 * benchmark replays events written through the event store API. Runs on PostgreSQL only.
 * Scale: -Dbench.single=1000000 -Dbench.users=10000 -Dbench.perUser=1000 -Dbench.events=200000;
 * -Dbench.queries=false runs the rebuild part alone, -Dbench.events=0 the queries alone;
 * -Dbench.rebuilds=2 rebuilds, the first warming the JIT up.
 */
@Tag("benchmark")
class ReportBenchmark extends HistoryWriter {

    private static final long YEAR_START = 1_735_689_600L; // 2025-01-01T00:00:00Z
    private static final long YEAR_US = 365 * ReportWindow.DAY_US;
    private static final long SINGLE_USER = 2_000_000_000L;
    private static final long FIRST_MANY = 2_000_000_001L;
    private static final String DESCRIPTIONS = "ARRAY['Computation','Storage','Analysis fixed cost','Credit']";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Queries queries;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void reportsAndRebuild() throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "the benchmark runs on PostgreSQL (ZEPHY_DB_URL)");
        long single = Long.getLong("bench.single", 1_000_000);
        int users = Integer.getInteger("bench.users", 10_000);
        int perUser = Integer.getInteger("bench.perUser", 1_000);
        int events = Integer.getInteger("bench.events", 200_000);

        if (!Boolean.parseBoolean(System.getProperty("bench.queries", "true"))) {
            rebuild(events);
            return;
        }
        long t0 = System.nanoTime();
        generate(100_000_000_000L, SINGLE_USER, 1, single, 20); // ids far above the sequence's
        generate(200_000_000_000L, FIRST_MANY, users, perUser, 3);
        jdbc.execute("ANALYZE");
        print("generated %,d + %,d transactions (%,d users) by bulk SQL in %.1f s", single, (long) users * perUser,
                users, seconds(t0));

        long from = YEAR_START;
        long to = YEAR_START + 365 * 86_400L;
        String userReport = "/admin/user/report/?user_id=" + SINGLE_USER + "&from=" + from + "&to=" + to;
        assertThat(get(userReport)).contains("\"success\":1");
        List<Double> api = time(30, () -> get(userReport));
        List<Double> sql = time(30, () -> singleUserSql(SINGLE_USER, from, to));
        print("user/report, 1 user, %,d transactions over a year: p50 %.1f ms, p99 %.1f ms | SQL p50 %.1f ms, p99 %.1f ms"
                + " | ratio p50 %.2f", single, p(api, 50), p(api, 99), p(sql, 50), p(sql, 99), p(api, 50) / p(sql, 50));

        String allUsers = "/admin/reports/users/?from=" + from + "&to=" + to;
        assertThat(get(allUsers)).contains("\"success\":1");
        List<Double> allApi = time(7, () -> get(allUsers));
        List<Double> allQuery = time(7, () -> queries.ask(new ListUserReports(Instant.ofEpochSecond(from),
                Instant.ofEpochSecond(to), Sort.NONE, Paging.ALL), UserReportPage.class));
        List<Double> allSql = time(7, () -> allUsersSql(from, to));
        print("reports/users, %,d users, %,d transactions: HTTP p50 %.0f ms, p99 %.0f ms | query handler p50 %.0f ms"
                        + " | SQL p50 %.0f ms, p99 %.0f ms | ratio HTTP p50 %.2f, handler p50 %.2f",
                users + 1, single + (long) users * perUser, p(allApi, 50), p(allApi, 99), p(allQuery, 50),
                p(allSql, 50), p(allSql, 99), p(allApi, 50) / p(allSql, 50), p(allQuery, 50) / p(allSql, 50));

        jdbc.update("DELETE FROM report_daily_sums WHERE user_id >= ?", SINGLE_USER);
        jdbc.update("DELETE FROM report_monthly_sums WHERE user_id >= ?", SINGLE_USER);
        jdbc.update("DELETE FROM ledger_transactions WHERE user_id >= ?", SINGLE_USER);
        jdbc.update("DELETE FROM users WHERE user_id >= ?", SINGLE_USER);
        if (events > 0) {
            rebuild(events);
        }
    }

    /** {@code count} transactions per user: a credit, then consumptions spread over the year. */
    private void generate(long idBase, long firstUser, int users, long count, int projects) {
        jdbc.update("INSERT INTO users (user_id, login, email, rank, credit, deleted, created_us)"
                + " SELECT u, 'bench' || u, 'bench' || u || '@example.com', 'gold', 0, FALSE, ? FROM generate_series(?, ?) u",
                YEAR_START * 1_000_000L, firstUser, firstUser + users - 1);
        long step = YEAR_US / count;
        // balance_after in closed form: a credit of 100000 at seq 0, then -0.01 per transaction
        jdbc.update("INSERT INTO ledger_transactions (id, user_id, user_seq, amount, balance_after, description,"
                + " category, occurred_us, project_uid, cores_per_sec, calc_count)"
                + " SELECT ? + (u - ?) * ? + s, u, s,"
                + " CASE WHEN s = 0 THEN 100000 ELSE -0.01 END, 100000 - 0.01 * s,"
                + " CASE WHEN s = 0 THEN 'Credit' ELSE (" + DESCRIPTIONS + ")[1 + s % 3] END,"
                + " CASE WHEN s = 0 THEN NULL ELSE 'computation' END,"
                + " ? + s * ? + (u % 1000), CASE WHEN s = 0 THEN NULL ELSE 'proj-' || (s % ?) END,"
                + " CASE WHEN s % 3 = 1 THEN s % 50 END, CASE WHEN s % 3 = 2 THEN (s % 4)::int END"
                + " FROM generate_series(?, ?) u, generate_series(0, ? - 1) s",
                idBase, firstUser, count, YEAR_START * 1_000_000L, step, projects, firstUser, firstUser + users - 1, count);
        // the daily and monthly sums exactly as the projection writes them
        jdbc.update("INSERT INTO report_daily_sums (user_id, day_us, description, project_uid, amount, last_us,"
                + " cores_per_sec, calc_count, mesh_count, entries)"
                + " SELECT user_id, (occurred_us / " + ReportWindow.DAY_US + ") * " + ReportWindow.DAY_US + ", description,"
                + " project_uid, SUM(amount), MAX(occurred_us), SUM(cores_per_sec), SUM(calc_count), SUM(mesh_count),"
                + " count(*) FROM ledger_transactions WHERE user_id BETWEEN ? AND ? GROUP BY user_id, 2, description,"
                + " project_uid", firstUser, firstUser + users - 1);
        jdbc.update("INSERT INTO report_monthly_sums (user_id, month_us, description, project_uid, amount, last_us,"
                + " cores_per_sec, calc_count, mesh_count, entries)"
                + " SELECT user_id, (EXTRACT(EPOCH FROM date_trunc('month', to_timestamp(day_us / 1000000) AT TIME ZONE 'UTC'))"
                + " * 1000000)::bigint, description, project_uid, SUM(amount), MAX(last_us), SUM(cores_per_sec),"
                + " SUM(calc_count), SUM(mesh_count), SUM(entries) FROM report_daily_sums WHERE user_id BETWEEN ? AND ?"
                + " GROUP BY user_id, 2, description, project_uid", firstUser, firstUser + users - 1);
    }

    /** The hand-written SQL: both balances and the grouped details of one user over (from, to]. */
    private Object singleUserSql(long user, long from, long to) {
        long f = from * 1_000_000L;
        long t = to * 1_000_000L;
        String balance = "SELECT balance_after FROM ledger_transactions WHERE user_id = ? AND occurred_us <= ?"
                + " ORDER BY occurred_us DESC, user_seq DESC LIMIT 1";
        jdbc.queryForList(balance, BigDecimal.class, user, f);
        jdbc.queryForList(balance, BigDecimal.class, user, t);
        return jdbc.queryForList("SELECT description, project_uid, SUM(amount), MAX(occurred_us), SUM(cores_per_sec),"
                + " SUM(calc_count), SUM(mesh_count) FROM ledger_transactions WHERE user_id = ? AND occurred_us > ?"
                + " AND occurred_us <= ? GROUP BY description, project_uid ORDER BY project_uid, description", user, f, t);
    }

    private Object allUsersSql(long from, long to) {
        long f = from * 1_000_000L;
        long t = to * 1_000_000L;
        String balance = "(SELECT balance_after FROM ledger_transactions b WHERE b.user_id = u.user_id"
                + " AND b.occurred_us <= %d ORDER BY b.occurred_us DESC, b.user_seq DESC LIMIT 1)";
        jdbc.queryForList("SELECT u.user_id, u.login, u.email, " + balance.formatted(f) + ", " + balance.formatted(t)
                + " FROM users u ORDER BY u.user_id");
        return jdbc.queryForList("SELECT user_id, description, project_uid, SUM(amount), MAX(occurred_us),"
                + " SUM(cores_per_sec), SUM(calc_count), SUM(mesh_count) FROM ledger_transactions"
                + " WHERE occurred_us > ? AND occurred_us <= ? GROUP BY user_id, description, project_uid"
                + " ORDER BY project_uid, description", f, t);
    }

    /** Events through the event store API, then a plain read of the event table against a full rebuild. */
    private void rebuild(int events) throws Exception {
        long t0 = System.nanoTime();
        int perUser = 1000;
        Instant start = Instant.ofEpochSecond(YEAR_START);
        for (int u = 0; u < events / perUser; u++) {
            LedgerHistory h = history("ev", start);
            h.add("100000", "Credit", start.plusSeconds(1));
            for (int i = 1; i < perUser - 1; i++) {
                h.consume("0.01", i % 2 == 0 ? "Computation" : "Storage",
                        i % 2 == 0 ? ChargeCategory.COMPUTATION : ChargeCategory.STORAGE,
                        new ChargeContext("proj-" + i % 3, null, null, null, BigDecimal.TEN, null, null),
                        start.plusSeconds(1 + i * 600L));
            }
            store(h);
        }
        // Not waiting for the running projections to catch up: at 2,000,000 events that took longer
        // than the rebuilds measured here (over 10 minutes on two cores), and the first rebuild
        // stops them and replays everything anyway. Its tables are the ones the later rebuilds
        // must reproduce.
        Long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        print("wrote %,d events through the event store API in %.1f s", total, seconds(t0));

        // the best of three reads: the baseline is not lowered by a read that ran into autovacuum or a cold cache
        double readRate = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            readRate = Math.max(readRate, plainReadRate());
        }

        print("plain sequential read of domain_event_entry (best of 3): %,.0f events/s", readRate);

        // The first rebuild runs code the JIT compiler has not compiled yet (on two cores it takes
        // half the CPU then, and a third still during the next few); the later ones are the steady
        // state that a long rebuild runs in.
        Map<String, String> before = null;
        int rebuilds = Integer.getInteger("bench.rebuilds", 2);
        List<Double> warmRates = new ArrayList<>();
        for (int run = 1; run <= rebuilds; run++) {
            String status = post("/admin/audit/rebuild/");
            while (status.contains("\"state\":\"running\"")) {
                Thread.sleep(100);
                status = get("/admin/audit/rebuild_status/");
            }
            assertThat(status).contains("\"state\":\"finished\"");
            // the server's own measure, from the request to the last projection caught up: not
            // rounded up to the status polls
            double wall = json.readTree(status).get("data").get("elapsed_seconds").asDouble();
            if (before == null) {
                before = rowCounts();
            }
            assertThat(rowCounts()).isEqualTo(before);
            double rebuildRate = total / wall;
            print("full rebuild %d of %d%s: %,d events in %.2f s = %,.0f events/s (each event through every"
                    + " projection) | ratio to the plain read %.3f | status: %s", run, rebuilds,
                    run == 1 ? " (cold JIT)" : "", total, wall, rebuildRate, rebuildRate / readRate, status);
            if (run > 1) {
                warmRates.add(rebuildRate);
            }
        }
        if (warmRates.size() > 1) {
            // one more read after the rebuilds: the baseline is the best read of the whole run
            double laterRead = plainReadRate();
            double baseline = Math.max(readRate, laterRead);
            List<Double> sorted = warmRates.stream().sorted().toList();
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            print("rebuilds 2 to %d: median %,.0f events/s (lowest %,.0f, highest %,.0f); plain read after them"
                    + " %,.0f events/s, best read of the run %,.0f | median ratio %.3f (lowest %.3f, highest %.3f)",
                    rebuilds, median, sorted.get(0), sorted.get(sorted.size() - 1), laterRead, baseline,
                    median / baseline, sorted.get(0) / baseline, sorted.get(sorted.size() - 1) / baseline);
        }
    }

    /** Events per second of a plain sequential read of the event table, every payload fetched. */
    private double plainReadRate() {
        long r0 = System.nanoTime();
        long[] read = {0};
        jdbc.query("SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                + " payload_type, payload_revision, payload, meta_data FROM domain_event_entry ORDER BY global_index",
                row -> {
                    row.getBytes("payload");
                    row.getBytes("meta_data");
                    read[0]++;
                });
        return read[0] / seconds(r0);
    }

    private Map<String, String> rowCounts() {
        return Map.of("users", count("users"), "ledger_transactions", count("ledger_transactions"),
                "report_daily_sums", count("report_daily_sums"), "report_monthly_sums", count("report_monthly_sums"));
    }

    private String count(String table) {
        return String.valueOf(jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private String post(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String send(HttpRequest.Builder request) {
        String auth = Base64.getEncoder().encodeToString(("admin:" + TestDatabase.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try {
            return http.send(request.header("Authorization", "Basic " + auth).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Double> time(int runs, Supplier<Object> action) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            action.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        return ms;
    }

    private static double p(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("BENCHMARK " + String.format(format, args));
    }
}
