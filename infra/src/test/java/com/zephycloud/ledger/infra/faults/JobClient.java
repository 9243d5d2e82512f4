package com.zephycloud.ledger.infra.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A scheduler driving one job at a time through its life: submit (with a request id), then
 * either cancel it (one in five) or launching, start, a few seconds of running while the
 * billing workers charge its slices, and finish. A lifecycle call that got no certain answer is
 * sent again; a 409 to that repeat means the first one was applied.
 */
final class JobClient implements Traffic.Client {

    private final String name;
    private final List<Long> users;
    private final HarnessFixture fixture;
    private final Attempts attempts;
    private final HarnessHttp http;
    private final Acknowledged acknowledged;
    private final GivenUpJobs givenUp;
    private long count;
    /** The last answer that was not an acknowledgment, per change: what a scheduler that gives up prints. */
    private final Map<String, HttpAnswer> lastRefusal = new HashMap<>();

    JobClient(String name, List<Long> users, HarnessFixture fixture, Attempts attempts, HarnessHttp http,
              Acknowledged acknowledged, GivenUpJobs givenUp) {
        this.name = name;
        this.users = users;
        this.fixture = fixture;
        this.attempts = attempts;
        this.http = http;
        this.acknowledged = acknowledged;
        this.givenUp = givenUp;
    }

    @Override
    public void step(Traffic traffic) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long user = users.get(random.nextInt(users.size()));
        String path = "/service/computations/submit/";
        Map<String, Object> submit = Map.of("user_id", user, "project_uid", "fault-project-" + user,
                "toolchain_name", fixture.toolchain(), "provider_name", fixture.provider(),
                "machine_name", fixture.machine(), "request_id", "submit-" + name + "-" + count++);
        HttpAnswer submitted = attempts.send(path, port -> http.service(port, path, submit)).answer();
        if (!submitted.acknowledged()) {
            return;
        }
        long job = submitted.data().get("job_id").asLong();
        acknowledged.add("computations.ComputationSubmitted", job);
        if (random.nextInt(5) == 0) {
            lifecycle("cancel", job, "computations.ComputationCanceled");
            return;
        }
        boolean running = lifecycle("launching", job, "computations.ComputationLaunching")
                && lifecycle("start", job, "computations.ComputationStarted");
        long runUntil = System.nanoTime() + random.nextLong(1_500, 5_000) * 1_000_000;
        while (running && System.nanoTime() < runUntil && !traffic.pausing()) {
            Thread.sleep(100);
        }
        if (!lifecycle("finish", job, "computations.ComputationFinished")
                && !lifecycle("cancel", job, "computations.ComputationCanceled")) {
            System.out.println(name + " gave up on job " + job + ": finish answered " + lastRefusal.get("finish")
                    + "; cancel answered " + lastRefusal.get("cancel"));
            givenUp.add(job, lastRefusal.get("finish"), lastRefusal.get("cancel"));
        }
    }

    /** True when the job is now past this change (acknowledged, or applied by an unanswered attempt). */
    private boolean lifecycle(String change, long job, String event) throws InterruptedException {
        String path = "/service/computations/" + change + "/";
        Attempts.Outcome outcome = attempts.send(path, port -> http.service(port, path, Map.of("job_id", job)));
        if (outcome.answer().acknowledged()) {
            acknowledged.add(event, job);
            return true;
        }
        lastRefusal.put(change, outcome.answer());
        return outcome.uncertainBefore() && outcome.answer().status() == 409;
    }
}
