package com.zephycloud.ledger.infra.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * PostgreSQL stopped (fast shutdown: connections cut) for {@code down}, then started again.
 * Meanwhile each instance is asked a query and a command, all at once, and must answer a 503 in
 * the envelope (within the pool's connection timeout, 5 s here: {@link InstanceProcess});
 * afterwards every instance must be ready again by itself, within {@code recovery}, with no restart.
 */
final class DatabaseOutage implements Fault {

    private final ThrowawayPostgres database;
    private final HarnessHttp probe;
    private final HarnessHttp http;
    private final Duration down;
    private final Duration recovery = Duration.ofMinutes(2);

    DatabaseOutage(ThrowawayPostgres database, HarnessHttp http, Duration down) {
        this.database = database;
        this.http = http;
        this.probe = new HarnessHttp(Duration.ofSeconds(20));
        this.down = down;
    }

    @Override
    public String name() {
        return "PostgreSQL down " + down.toSeconds() + " s";
    }

    @Override
    public void inject(List<InstanceProcess> instances, CheckResult result) throws Exception {
        long stoppedAt = System.nanoTime();
        database.stop();
        List<CompletableFuture<Void>> probes = new ArrayList<>();
        for (InstanceProcess instance : instances) {
            probes.add(CompletableFuture.runAsync(() -> expectUnavailable(instance, "/admin/users/",
                    Map.of("limit", 1), result)));
            probes.add(CompletableFuture.runAsync(() -> expectUnavailable(instance, "/admin/user/consume/",
                    Map.of("user_id", 1, "amount", "0.01", "description", "probe while the database is down"), result)));
        }
        CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).join();
        long probedFor = (System.nanoTime() - stoppedAt) / 1_000_000;
        result.note("answers while the database is down: " + probedFor + " ms for the "
                + probes.size() + " probes, sent together");
        Thread.sleep(Math.max(0, down.toMillis() - probedFor));
        database.start();
        long startedAt = System.nanoTime();
        for (InstanceProcess instance : instances) {
            if (!instance.awaitReady(http, recovery)) {
                result.mismatch(instance.name() + " not ready " + recovery.toSeconds()
                        + " s after the database came back: " + instance.whyNotReady(http));
            }
        }
        result.note("all instances ready " + (System.nanoTime() - startedAt) / 1_000_000
                + " ms after the database came back");
    }

    private void expectUnavailable(InstanceProcess instance, String path, Map<String, ?> params, CheckResult result) {
        HttpAnswer answer = probe.admin(instance.port(), path, params);
        if (answer.status() != 503 || !answer.envelope() || answer.body().get("success").asInt() != 0) {
            synchronized (result) {
                result.mismatch(instance.name() + " " + path + " with the database down: " + answer);
            }
        }
    }
}
