package com.zephycloud.ledger.infra.benchmark;

import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.MachineVersionRows;
import com.zephycloud.ledger.infra.support.TestDatabase;
import com.zephycloud.ledger.query.catalog.FindMachine;
import com.zephycloud.ledger.query.catalog.ListMachines;
import com.zephycloud.ledger.query.catalog.MachineQueries;
import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;
import com.zephycloud.ledger.query.common.SortKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * machines/list?date= and machines/show?date= against a hand-written SQL query of the same
 * lookup, on 1,000 machines with 10 then 1,000 price versions each (10k then 1M versions).
 * Versions are bulk-inserted into the read model with JDBC batches: building 1M versions through
 * commands would take far longer than the lookups being measured.
 *
 * <p>Per lookup it measures, interleaved round by round in a new random order each round, so that
 * a change of load on the machine touches all alike: the server time the API reports
 * ({@code Server-Timing}), the HTTP round trip seen by the client, the hand-written SQL over JDBC,
 * and the application's query handler called directly (without HTTP, query bus or JSON). The
 * dated show asks for a version that ended years ago, which the server answers from memory
 * ({@code SettledMachineVersions}); the show without date, measured too, answers the current
 * version, read from the database again only when an event was stored since
 * ({@code RecentMachineVersions}). The timed HTTP calls go through {@link KeepAliveHttpClient}: client and
 * server share the machine's cores, and the JDK's asynchronous client's own threads would run
 * during, and be counted in, the server's time. The hand-written list query returns the same rows
 * in the same order with the same limit and, like the API, the {@code total}: it is two
 * statements, timed together, on their own after the interleaved rounds (see {@link #measure}).
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmark verify -pl infra -am -Dtest=CatalogPointInTimeBenchmark}
 */
@Tag("benchmark")
class CatalogPointInTimeBenchmark extends ApiTest {

    private static final int MACHINES = 1000;
    /** Untimed rounds first: the server's request path is measured to settle only after some thousands of calls. */
    private static final int WARM_UP = 1000;
    private static final int ROUNDS = 500;
    /** Untimed calls of the hand-written list before its own timed calls. */
    private static final int HEAVY_WARM_UP = 50;
    private static final int PAGE = 100;
    private static final long START_US = 1_600_000_000_000_000L;
    private static final long STEP_US = 3_600_000_000L;
    private static final Pattern SERVER_TIME = Pattern.compile("app;dur=([0-9.]+)");

    private static final String VALID_AT = "valid_from_us <= ? AND (valid_to_us IS NULL OR valid_to_us > ?)";
    private static final String SQL_LIST = "SELECT * FROM catalog_machine_version WHERE provider = ? AND " + VALID_AT
            + " ORDER BY machine LIMIT " + PAGE;
    private static final String SQL_COUNT = "SELECT count(*) FROM catalog_machine_version WHERE provider = ? AND "
            + VALID_AT;
    private static final String SQL_SHOW = "SELECT * FROM catalog_machine_version WHERE provider = ? AND machine = ?"
            + " AND " + VALID_AT;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MachineQueries handler;

    @Test
    void pointInTimeLookupsStayCloseToSqlAndFlatInTheNumberOfVersions() {
        double[] small = measure(load(10), 10);
        double[] large = measure(load(1000), 1000);
        System.out.printf("server p99 at 1M / at 10k: machines/list %.2f, machines/show %.2f%n",
                large[0] / small[0], large[1] / small[1]);
    }

    private String load(int versions) {
        String provider = unique("bench").toLowerCase();
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws")).ok();
        List<Object[]> periods = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int m = 0; m < MACHINES; m++) {
            String name = String.format("m%04d", m);
            periods.add(new Object[]{provider, name, START_US});
            for (int v = 0; v < versions; v++) {
                long from = START_US + v * STEP_US;
                Long to = v == versions - 1 ? null : from + STEP_US;
                rows.add(new Object[]{provider, name, from, to, 4 + m % 8, 8_589_934_592L, 400, v, v * 2, v * 4,
                        v * 10, 500, 500, 0.025, "dollar", 1, 60, false});
                if (rows.size() == 10_000) {
                    insert(rows);
                }
            }
        }
        insert(rows);
        // What the projection writes for a machine created at START_US and never removed.
        jdbc.batchUpdate(MachineVersionRows.INSERT_OPEN_PERIOD, periods);
        if (TestDatabase.isPostgres()) {
            // The steady state autovacuum reaches: statistics, and a visibility map for index-only scans.
            jdbc.execute("VACUUM ANALYZE catalog_machine_version");
            jdbc.execute("VACUUM ANALYZE catalog_machine_period");
            // the load's WAL flushed now, not by a checkpoint in the middle of the timed rounds
            jdbc.execute("CHECKPOINT");
        }
        return provider;
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate(MachineVersionRows.INSERT_VERSION, rows);
        rows.clear();
    }

    /** @return the server-time p99 of the list and of the show, in ms */
    private double[] measure(String provider, int versions) {
        long date = (START_US + (versions / 2) * STEP_US + STEP_US / 2) / 1_000_000L;
        long at = date * 1_000_000L;
        String name = String.format("m%04d", MACHINES / 2);
        Map<String, Object> list = params("provider_name", provider, "date", date, "limit", PAGE, "order", "name");
        Map<String, Object> show = params("provider_name", provider, "machine_name", name, "date", date);
        Map<String, Object> showNow = params("provider_name", provider, "machine_name", name);
        ListMachines listQuery = new ListMachines(provider, Instant.ofEpochSecond(date),
                new Sort(List.of(new SortKey("name", false))), new Paging(PAGE, 0));
        FindMachine showQuery = new FindMachine(provider, name, Instant.ofEpochSecond(date));

        checkSameAnswers(list, show, provider, name, at);

        KeepAliveHttpClient http = new KeepAliveHttpClient(port, "admin", TestDatabase.ADMIN_PASSWORD);
        Lookup apiList = new Lookup(() -> post(http, "/admin/machines/list/", list));
        Lookup sqlList = new Lookup(() -> {
            jdbc.queryForList(SQL_LIST, provider, at, at);
            return jdbc.queryForObject(SQL_COUNT, Long.class, provider, at, at);
        });
        Lookup handlerList = new Lookup(() -> handler.handle(listQuery));
        Lookup apiShow = new Lookup(() -> post(http, "/admin/machines/show/", show));
        Lookup sqlShow = new Lookup(() -> jdbc.queryForList(SQL_SHOW, provider, name, at, at));
        Lookup handlerShow = new Lookup(() -> handler.handle(showQuery));
        // Without date: the current version, still valid, which the server reads from the
        // database every time (only settled versions are answered from memory).
        Lookup apiShowNow = new Lookup(() -> post(http, "/admin/machines/show/", showNow));
        Lookup sqlShowNow = new Lookup(() -> {
            long now = System.currentTimeMillis() * 1000;
            return jdbc.queryForList(SQL_SHOW, provider, name, now, now);
        });
        // The same SQL on a thread woken for it, as a server's request thread is: not part of the
        // goal, it shows what waking a thread adds to a lookup on this machine.
        ExecutorService worker = Executors.newSingleThreadExecutor();
        Lookup wokenSqlShow = new Lookup(() -> onThread(worker,
                () -> jdbc.queryForList(SQL_SHOW, provider, name, at, at)));
        // Every lookup but the hand-written list, which at 1M versions reads about half a million
        // rows (over 100 ms) and, interleaved, left the lookups after it to run on caches it had
        // emptied: it is timed on its own, after the rounds.
        List<Lookup> all = new ArrayList<>(List.of(apiList, handlerList, apiShow, sqlShow, handlerShow,
                wokenSqlShow, apiShowNow, sqlShowNow));
        for (int i = 0; i < WARM_UP; i++) {
            all.forEach(Lookup::call);
        }
        // A new order each round: a lookup that always followed an HTTP call would pay for the
        // server's work after its answer (releasing the request, waiting for the next one).
        Random order = new Random(versions);
        for (int i = 0; i < ROUNDS; i++) {
            Collections.shuffle(all, order);
            all.forEach(Lookup::timed);
        }
        for (int i = 0; i < HEAVY_WARM_UP; i++) {
            sqlList.call();
        }
        for (int i = 0; i < ROUNDS; i++) {
            sqlList.timed();
        }
        worker.shutdown();
        close(http);
        int total = MACHINES * versions;
        report(total, "machines/list", apiList, sqlList, handlerList);
        report(total, "machines/show", apiShow, sqlShow, handlerShow);
        System.out.printf("%,d versions, machines/show without date (the current version, nothing stored meanwhile):"
                        + " server p50 %.3f p99 %.3f ms | SQL p50 %.3f p99 %.3f | server/SQL p50 %.2f p99 %.2f%n",
                total, apiShowNow.server.p50(), apiShowNow.server.p99(), sqlShowNow.roundTrip.p50(),
                sqlShowNow.roundTrip.p99(), apiShowNow.server.p50() / sqlShowNow.roundTrip.p50(),
                apiShowNow.server.p99() / sqlShowNow.roundTrip.p99());
        System.out.printf("%,d versions, machines/show SQL on a woken thread: p50 %.3f p99 %.3f ms"
                + " | server/that p50 %.2f%n", total, wokenSqlShow.roundTrip.p50(), wokenSqlShow.roundTrip.p99(),
                apiShow.server.p50() / wokenSqlShow.roundTrip.p50());
        return new double[]{apiList.server.p99(), apiShow.server.p99()};
    }

    private static <T> T onThread(ExecutorService worker, Callable<T> lookup) {
        try {
            return worker.submit(lookup).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static KeepAliveHttpClient.Response post(KeepAliveHttpClient http, String path,
                                                     Map<String, Object> params) {
        try {
            return http.postForm(path, ApiClient.formBody(params));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(KeepAliveHttpClient http) {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hand-written SQL must answer what the API answers, or the comparison means nothing. */
    private void checkSameAnswers(Map<String, Object> list, Map<String, Object> show, String provider, String name,
                                  long at) {
        ApiResult listed = admin().post("/admin/machines/list/", list);
        List<Map<String, Object>> rows = jdbc.queryForList(SQL_LIST, provider, at, at);
        assertThat(listed.ok().findValues("name").stream().map(node -> node.asText()).toList())
                .isEqualTo(rows.stream().map(row -> row.get("machine")).toList());
        assertThat(listed.ok().get(0).get("prices").get("root").decimalValue())
                .isEqualByComparingTo(rows.get(0).get("price_root").toString());
        assertThat(listed.total()).isEqualTo(jdbc.queryForObject(SQL_COUNT, Long.class, provider, at, at));
        assertThat(admin().post("/admin/machines/show/", show).ok().get("cores").asInt())
                .isEqualTo(jdbc.queryForList(SQL_SHOW, provider, name, at, at).get(0).get("cores"));
    }

    private static void report(int versions, String lookup, Lookup api, Lookup sql, Lookup handler) {
        System.out.printf("%,d versions, %s: server p50 %.3f p99 %.3f ms | round trip p50 %.3f p99 %.3f"
                        + " | SQL p50 %.3f p99 %.3f | handler p50 %.3f p99 %.3f"
                        + " | server/SQL p50 %.2f p99 %.2f | round trip/SQL p50 %.2f p99 %.2f%n",
                versions, lookup, api.server.p50(), api.server.p99(), api.roundTrip.p50(), api.roundTrip.p99(),
                sql.roundTrip.p50(), sql.roundTrip.p99(), handler.roundTrip.p50(), handler.roundTrip.p99(),
                api.server.p50() / sql.roundTrip.p50(), api.server.p99() / sql.roundTrip.p99(),
                api.roundTrip.p50() / sql.roundTrip.p50(), api.roundTrip.p99() / sql.roundTrip.p99());
    }

    /** One lookup, its times as seen by the caller and, for HTTP calls, as the server reports them. */
    private static final class Lookup {

        private final Supplier<?> call;
        private final Times roundTrip = new Times();
        private final Times server = new Times();

        Lookup(Supplier<?> call) {
            this.call = call;
        }

        void call() {
            check(call.get());
        }

        void timed() {
            long start = System.nanoTime();
            Object answer = call.get();
            roundTrip.add(System.nanoTime() - start);
            check(answer);
            if (answer instanceof KeepAliveHttpClient.Response response) {
                Matcher matcher = SERVER_TIME.matcher(response.headers().get("server-timing"));
                assertThat(matcher.matches()).isTrue();
                server.add(Math.round(Double.parseDouble(matcher.group(1)) * 1e6));
            }
        }

        private static void check(Object answer) {
            if (answer instanceof KeepAliveHttpClient.Response response) {
                assertThat(response.body()).contains("\"success\":1");
            }
        }
    }

    /** The ROUNDS samples of one measure, in nanoseconds. */
    private static final class Times {

        private final long[] nanos = new long[ROUNDS];
        private int count;

        void add(long value) {
            nanos[count++] = value;
        }

        double p50() {
            return percentiles().millis(50);
        }

        double p99() {
            return percentiles().millis(99);
        }

        private Percentiles percentiles() {
            return new Percentiles(Arrays.copyOf(nanos, count));
        }
    }
}
