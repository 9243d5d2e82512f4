package com.zephycloud.ledger.infra.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The jobs a scheduler gave up on, with the last answers to its finish and its cancel. Giving up
 * after answers that never came (an instance restarting) is the fault's doing. Giving up after a
 * 409 to both is only right if the job had ended otherwise (killed unpaid); if it was still open,
 * the instances refused on a state the store did not hold, which is a mismatch.
 */
final class GivenUpJobs {

    private record GivenUp(long job, HttpAnswer finish, HttpAnswer cancel) {

        boolean refusedBoth() {
            return finish != null && finish.status() == 409 && cancel != null && cancel.status() == 409;
        }
    }

    private static final Set<String> ENDINGS = Set.of("computations.ComputationFinished",
            "computations.ComputationCanceled", "computations.ComputationKilled");

    private final ConcurrentLinkedQueue<GivenUp> since = new ConcurrentLinkedQueue<>();

    void add(long job, HttpAnswer finish, HttpAnswer cancel) {
        since.add(new GivenUp(job, finish, cancel));
    }

    /** Checks the jobs given up on since the last check against the stored {@code events}. */
    void check(List<JsonNode> events, CheckResult result) {
        List<GivenUp> givenUp = new ArrayList<>();
        for (GivenUp job; (job = since.poll()) != null; ) {
            givenUp.add(job);
        }
        Set<Long> endedOtherwise = new HashSet<>();
        for (JsonNode event : events) {
            JsonNode payload = event.get("payload");
            if (ENDINGS.contains(event.get("type").asText())
                    && !JobsLeftRunning.REASON.equals(payload.path("reason").asText())) {
                endedOtherwise.add(payload.get("job_id").asLong());
            }
        }
        for (GivenUp job : givenUp) {
            if (job.refusedBoth() && !endedOtherwise.contains(job.job())) {
                result.mismatch("job " + job.job() + " was open in the store, yet refused: finish " + job.finish()
                        + "; cancel " + job.cancel());
            }
        }
        if (!givenUp.isEmpty()) {
            result.note("jobs a scheduler gave up on: " + givenUp.stream().map(GivenUp::job).toList());
        }
    }
}
