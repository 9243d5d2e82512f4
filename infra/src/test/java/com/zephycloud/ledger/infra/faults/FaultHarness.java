package com.zephycloud.ledger.infra.faults;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault harness (docs/scaling.md): three instances of the packaged jar, as OS processes, on a
 * PostgreSQL server of its own; consumptions, credits, cancellations and job lifecycles from
 * several clients spread over the three; then, in turn, no fault (a control), kill -9 and restart
 * of one instance, PostgreSQL stopped and started again, and one instance paused (SIGSTOP) past
 * the claim timeout and resumed. After each, with the clients paused, the checks: every
 * acknowledged command in the event store, the event feed against the store, every balance
 * against its transactions and its replay, the slices of every job, and the read models against
 * their rebuild (in the short run after the last fault only, see {@link HarnessSettings}). Prints
 * a table per fault and fails on anything lost or any mismatch.
 *
 * <pre>./mvnw -B -Pfaults -pl infra -am verify [-Dfaults.short=true]</pre>
 */
@Tag("faults")
class FaultHarness {

    private static final Duration FIRST_SLICE = Duration.ofSeconds(2);
    private static final Duration NEXT_SLICES = Duration.ofSeconds(1);

    @Test
    void threeInstancesLoseNothingAcknowledgedUnderFaults() throws Exception {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        assertThat(settings.jar()).as("the packaged jar (./mvnw -DskipTests package)").exists();
        Path folder = Files.createTempDirectory("fault-harness");
        HarnessHttp http = new HarnessHttp(Duration.ofSeconds(10));
        HarnessHttp checks = new HarnessHttp(Duration.ofMinutes(2));
        Instant began = Instant.now();
        FaultReport report = new FaultReport();
        List<InstanceProcess> instances = new ArrayList<>();
        String storeSize = "";
        try (ThrowawayPostgres database = ThrowawayPostgres.create(settings.postgresBin(), freePort())) {
            for (int i = 1; i <= 3; i++) {
                instances.add(new InstanceProcess("instance-" + i, settings.jar(), freePort(), database.jdbcUrl(), folder));
            }
            try {
                startAll(instances, http);
                HarnessFixture fixture = HarnessFixture.create(checks, instances.get(0).port(), settings.users());
                Phases phases = new Phases();
                Attempts attempts = new Attempts(instances, phases, settings.retryFor().toNanos());
                Acknowledged acknowledged = new Acknowledged();
                GivenUpJobs givenUp = new GivenUpJobs();
                Traffic traffic = new Traffic();
                traffic.start(clients(settings, fixture, attempts, http, acknowledged, givenUp));
                List<Fault> faults = new ArrayList<>(List.of(Fault.kill(http, settings.killedFor()),
                        new DatabaseOutage(database, http, settings.databaseDown()), Fault.pause(http, settings.paused())));
                if (!settings.quick()) {
                    faults.add(0, Fault.none());
                }
                for (Fault fault : faults) {
                    boolean last = fault == faults.get(faults.size() - 1);
                    System.out.println("fault harness: " + fault.name());
                    long start = System.nanoTime();
                    phases.next();
                    CheckResult result = new CheckResult();
                    Thread.sleep(settings.before().toMillis());
                    fault.inject(instances, result);
                    Thread.sleep(settings.after().toMillis());
                    traffic.pause();
                    Tally tally = phases.next();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (tally.outsideContract.get() > 0) {
                        result.mismatch(tally.outsideContract.get() + " answers outside the contract"
                                + " (a 5xx other than a 503 envelope, or an answer without the envelope)");
                    }
                    check(database, checks, instances, fixture, acknowledged, givenUp, result);
                    if (last || !settings.quick()) {
                        new RebuildCheck(checks, database).check(instances, !last, result);
                    }
                    report.add(fault.name(), tally, result, seconds);
                    if (!last) {
                        traffic.resume();
                    }
                }
                traffic.stop();
                storeSize = EventStoreSize.of(database);
            } finally {
                for (InstanceProcess instance : instances) {
                    instance.kill();
                }
            }
        }
        System.out.println("fault harness (" + settings.name() + " run), " + began + " to " + Instant.now()
                + ", 3 instances, " + settings.clients() + " ledger clients, " + settings.schedulers()
                + " schedulers, logs in " + folder);
        System.out.println(storeSize);
        System.out.print(report.render());
        assertThat(report.failed()).as("acknowledged commands lost or mismatches (see the table above)").isFalse();
    }

    private static void check(ThrowawayPostgres database, HarnessHttp http, List<InstanceProcess> instances,
                              HarnessFixture fixture, Acknowledged acknowledged, GivenUpJobs givenUp, CheckResult result)
            throws Exception {
        for (InstanceProcess instance : instances) {
            if (!instance.awaitReady(http, Duration.ofSeconds(30))) {
                result.mismatch(instance.name() + " not ready for the checks: " + instance.whyNotReady(http));
            }
        }
        int port = instances.get(0).port();
        JobsLeftRunning.end(database, http, port, result);
        var events = new FeedCheck(http, database).check(port, result);
        AcknowledgedCheck.check(acknowledged, events, result);
        givenUp.check(events, result);
        new BalanceCheck(http).check(instances.get(1).port(), fixture.users(), result);
        new SliceCheck(database, FIRST_SLICE, NEXT_SLICES).check(events, result);
    }

    private static List<Traffic.Client> clients(HarnessSettings settings, HarnessFixture fixture, Attempts attempts,
                                                HarnessHttp http, Acknowledged acknowledged,
                                                GivenUpJobs givenUp) {
        List<Traffic.Client> clients = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            clients.add(new LedgerClient("ledger" + c, fixture.users(), attempts, http, acknowledged));
        }
        for (int s = 0; s < settings.schedulers(); s++) {
            clients.add(new JobClient("scheduler" + s, fixture.users(), fixture, attempts, http, acknowledged,
                    givenUp));
        }
        return clients;
    }

    /** The first instance migrates the schema alone; the other two then start together. */
    private static void startAll(List<InstanceProcess> instances, HarnessHttp http) throws Exception {
        instances.get(0).start();
        assertThat(instances.get(0).awaitReady(http, Duration.ofMinutes(5))).as("instance-1 ready").isTrue();
        for (InstanceProcess instance : instances.subList(1, instances.size())) {
            instance.start();
        }
        for (InstanceProcess instance : instances) {
            assertThat(instance.awaitReady(http, Duration.ofMinutes(5))).as(instance.name() + " ready").isTrue();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
