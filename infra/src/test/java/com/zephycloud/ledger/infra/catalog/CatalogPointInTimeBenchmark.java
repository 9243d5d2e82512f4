package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static com.zephycloud.ledger.infra.support.ApiClient.params;

/**
 * machines/list?date= and machines/show?date= against hand-written SQL of the same lookup, on
 * 1,000 machines with 10 then 1,000 price versions each (10k then 1M versions). Versions are
 * bulk-inserted into the read model with JDBC batches: building 1M versions through commands
 * would take far longer than the lookups being measured. Times are HTTP round trips on
 * localhost (server time plus the loopback), against JDBC times for the SQL.
 * Run: ./mvnw -B -Pbenchmark verify -pl infra -am -Dtest=CatalogPointInTimeBenchmark
 */
@Tag("benchmark")
class CatalogPointInTimeBenchmark extends ApiTest {

    private static final int MACHINES = 1000;
    private static final int ROUNDS = 300;
    private static final long START_US = 1_600_000_000_000_000L;
    private static final long STEP_US = 3_600_000_000L;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void pointInTimeLookupsStayCloseToSqlAndFlatInTheNumberOfVersions() {
        String small = load(10);
        double[] smallFigures = measure(small, 10);
        String large = load(1000);
        double[] largeFigures = measure(large, 1000);
        System.out.printf("p99 list at 1M / p99 list at 10k = %.2f; p99 show at 1M / at 10k = %.2f%n",
                largeFigures[0] / smallFigures[0], largeFigures[1] / smallFigures[1]);
    }

    private String load(int versions) {
        String provider = unique("bench").toLowerCase();
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws")).ok();
        List<Object[]> machines = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int m = 0; m < MACHINES; m++) {
            String name = "m" + m;
            machines.add(new Object[]{provider, name, START_US});
            for (int v = 0; v < versions; v++) {
                long from = START_US + v * STEP_US;
                Long to = v == versions - 1 ? null : from + STEP_US;
                rows.add(new Object[]{provider, name, from, to, 4, 8_589_934_592L, 400, v, v * 2, v * 4, v * 10,
                        500, 500, 0.025, "dollar", 1, 60, false});
                if (rows.size() == 10_000) {
                    insert(rows);
                }
            }
        }
        insert(rows);
        jdbc.batchUpdate("INSERT INTO catalog_machine_period (provider, machine, valid_from_us, valid_to_us)"
                + " VALUES (?, ?, ?, NULL)", machines);
        if (com.zephycloud.ledger.infra.support.TestDatabase.isPostgres()) {
            jdbc.execute("ANALYZE catalog_machine_version");
            jdbc.execute("ANALYZE catalog_machine_period");
        }
        return provider;
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO catalog_machine_version (provider, machine, valid_from_us, valid_to_us, cores,"
                + " ram, availability, price_root, price_gold, price_silver, price_bronze, price_sec_granularity,"
                + " price_min_sec_granularity, cost_per_hour, cost_currency, cost_sec_granularity,"
                + " cost_min_sec_granularity, auto_update) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        rows.clear();
    }

    /** @return p99 of the list and of the show, in ms */
    private double[] measure(String provider, int versions) {
        long dateUs = START_US + (versions / 2) * STEP_US + STEP_US / 2;
        long date = dateUs / 1_000_000L;
        long at = date * 1_000_000L;
        String name = "m" + (MACHINES / 2);
        Map<String, Object> list = params("provider_name", provider, "date", date, "limit", 100, "order", "name");
        Map<String, Object> show = params("provider_name", provider, "machine_name", name, "date", date);
        double[] api = timed(() -> admin().post("/admin/machines/list/", list).ok());
        double[] sql = timed(() -> jdbc.queryForList("SELECT * FROM catalog_machine_version WHERE provider = ?"
                + " AND valid_from_us <= ? AND (valid_to_us IS NULL OR valid_to_us > ?) ORDER BY machine LIMIT 100",
                provider, at, at));
        double[] apiShow = timed(() -> admin().post("/admin/machines/show/", show).ok());
        double[] sqlShow = timed(() -> jdbc.queryForList("SELECT * FROM catalog_machine_version WHERE provider = ?"
                + " AND machine = ? AND valid_from_us <= ? AND (valid_to_us IS NULL OR valid_to_us > ?)",
                provider, name, at, at));
        int total = MACHINES * versions;
        System.out.printf("%,d versions: machines/list p50 %.2f ms p99 %.2f ms | SQL p50 %.2f p99 %.2f | ratio p50 %.2f p99 %.2f%n",
                total, api[0], api[1], sql[0], sql[1], api[0] / sql[0], api[1] / sql[1]);
        System.out.printf("%,d versions: machines/show p50 %.2f ms p99 %.2f ms | SQL p50 %.2f p99 %.2f | ratio p50 %.2f p99 %.2f%n",
                total, apiShow[0], apiShow[1], sqlShow[0], sqlShow[1], apiShow[0] / sqlShow[0], apiShow[1] / sqlShow[1]);
        return new double[]{api[1], apiShow[1]};
    }

    private static double[] timed(Supplier<?> call) {
        for (int i = 0; i < 30; i++) {
            call.get();
        }
        long[] nanos = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new double[]{nanos[ROUNDS / 2] / 1e6, nanos[(int) (ROUNDS * 0.99)] / 1e6};
    }
}
