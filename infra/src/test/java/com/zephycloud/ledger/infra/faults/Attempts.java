package com.zephycloud.ledger.infra.faults;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * Sends one command as a careful client does: to an instance chosen at random, and, while the
 * answer is none or a 5xx, again to the next instance after a short wait, with the same request
 * (and request_id, so that a command applied before its answer was lost is not applied twice),
 * until it is answered or {@code retryFor} has passed. Each attempt is counted in the current tally.
 */
final class Attempts {

    /** The last answer, and whether an earlier attempt may have been applied without an answer. */
    record Outcome(HttpAnswer answer, boolean uncertainBefore) {
    }

    private final List<InstanceProcess> instances;
    private final Phases phases;
    private final long retryForNanos;

    Attempts(List<InstanceProcess> instances, Phases phases, long retryForNanos) {
        this.instances = instances;
        this.phases = phases;
        this.retryForNanos = retryForNanos;
    }

    Outcome send(String path, IntFunction<HttpAnswer> call) throws InterruptedException {
        long deadline = System.nanoTime() + retryForNanos;
        int next = ThreadLocalRandom.current().nextInt(instances.size());
        boolean uncertain = false;
        while (true) {
            HttpAnswer answer = call.apply(instances.get(next).port());
            phases.current().record(path, answer);
            boolean retry = answer.status() == 0 || answer.status() >= 500;
            if (!retry || System.nanoTime() > deadline) {
                return new Outcome(answer, uncertain);
            }
            // a 503 that says "nothing was stored" is certain; any other failure may have applied it
            uncertain |= answer.status() != 503 || !String.valueOf(answer.body()).contains("nothing");
            next = (next + 1) % instances.size();
            Thread.sleep(200);
        }
    }
}
