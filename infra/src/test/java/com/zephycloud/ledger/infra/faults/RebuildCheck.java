package com.zephycloud.ledger.infra.faults;

import com.zephycloud.ledger.infra.support.ReadModelChecksum;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every read model checksum-equal to a rebuild: the checksum of every table but the event store's
 * ({@link ReadModelChecksum}) as the three instances left it, then {@code audit/rebuild} of all
 * projections and the checksum again. A rebuild resets tokens, which needs the processors of the
 * other instances stopped (docs/reports.md): the other two instances are stopped (SIGTERM) for
 * it and started again after, which also makes them join again.
 */
final class RebuildCheck {

    /** Tables that change with time, not with events: the live instances and the rebuild's own marker. */
    private static final Set<String> NOT_READ_MODELS = Set.of("processor_instance", "projection_rebuild");

    private final HarnessHttp http;
    private final DriverManagerDataSource dataSource;

    RebuildCheck(HarnessHttp http, ThrowawayPostgres database) {
        this.http = http;
        this.dataSource = new DriverManagerDataSource(database.jdbcUrl());
    }

    /** {@code restart}: start the two stopped instances again (not after the last fault). */
    void check(List<InstanceProcess> instances, boolean restart, CheckResult result)
            throws IOException, InterruptedException {
        InstanceProcess rebuilder = instances.get(0);
        for (InstanceProcess other : instances.subList(1, instances.size())) {
            other.stop();
        }
        Map<String, String> before = settledChecksums(rebuilder);
        copyBefore(before.keySet());
        HttpAnswer started = http.admin(rebuilder.port(), "/admin/audit/rebuild/", Map.of());
        if (!started.acknowledged()) {
            result.mismatch("audit/rebuild: " + started);
        } else {
            String state = awaitRebuild(rebuilder);
            if (!"finished".equals(state)) {
                result.mismatch("audit/rebuild ended " + state);
            }
            Map<String, String> after = ReadModelChecksum.of(dataSource, NOT_READ_MODELS);
            for (String table : before.keySet()) {
                if (!before.get(table).equals(after.get(table))) {
                    result.mismatch("read model " + table + ": " + before.get(table) + " before the rebuild, "
                            + after.get(table) + " after; " + differences(table));
                }
            }
            result.note("read models: " + before.size() + " tables compared with their rebuild");
        }
        if (!restart) {
            return;
        }
        for (InstanceProcess other : instances.subList(1, instances.size())) {
            other.start();
        }
        for (InstanceProcess instance : instances) {
            if (!instance.awaitReady(http, Duration.ofMinutes(5))) {
                result.mismatch(instance.name() + " not ready 5 minutes after its restart");
            }
        }
    }

    /** A copy of each table as the instances left it, in schema harness_before, to show the rows that differ. */
    private void copyBefore(Set<String> tables) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS harness_before");
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS harness_before." + table);
            jdbc.execute("CREATE TABLE harness_before." + table + " AS SELECT * FROM public." + table);
        }
    }

    private String differences(String table) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String sql = "SELECT row_to_json(r)::text FROM (SELECT * FROM %s EXCEPT SELECT * FROM %s LIMIT 3) r";
        return "only before: " + jdbc.queryForList(String.format(sql, "harness_before." + table, "public." + table),
                String.class) + ", only after: " + jdbc.queryForList(String.format(sql, "public." + table,
                "harness_before." + table), String.class);
    }

    /**
     * The checksums once the remaining instance has projected everything: a query first (it waits
     * for the projections), then two equal checksums a second apart.
     */
    private Map<String, String> settledChecksums(InstanceProcess instance) throws InterruptedException {
        Map<String, String> previous = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            http.admin(instance.port(), "/admin/transactions/list/", Map.of("limit", 1));
            Map<String, String> sums = ReadModelChecksum.of(dataSource, NOT_READ_MODELS);
            if (sums.equals(previous)) {
                return sums;
            }
            previous = sums;
            Thread.sleep(1000);
        }
        return previous;
    }

    private String awaitRebuild(InstanceProcess instance) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            HttpAnswer status = http.admin(instance.port(), "/admin/audit/rebuild_status/", Map.of());
            String state = status.acknowledged() ? status.data().get("state").asText() : "unknown";
            if (state.equals("finished") || state.equals("failed")) {
                return state.equals("failed") ? "failed: " + status.data().get("error") : state;
            }
            Thread.sleep(500);
        }
        return "still running after 5 minutes";
    }
}
