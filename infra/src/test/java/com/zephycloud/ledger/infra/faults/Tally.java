package com.zephycloud.ledger.infra.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answers the clients got during one fault: every attempt counts as a request (a retry is a
 * request of its own). A 5xx other than 503, or an error answer outside the envelope, is a bug and
 * is kept as a sample.
 */
final class Tally {

    private static final int SAMPLES = 10;

    final AtomicLong requests = new AtomicLong();
    final AtomicLong successes = new AtomicLong();
    final AtomicLong clientErrors = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    final AtomicLong outsideContract = new AtomicLong();
    private final List<String> unexpected = new ArrayList<>();

    void record(String path, HttpAnswer answer) {
        requests.incrementAndGet();
        if (answer.status() == 0) {
            unanswered.incrementAndGet();
        } else if (answer.status() >= 500) {
            serverErrors.incrementAndGet();
            if (answer.status() == 503) {
                unavailable.incrementAndGet();
            }
            if (answer.status() != 503 || !answer.envelope()) {
                unexpected(path + ": " + answer);
            }
        } else if (answer.status() >= 400) {
            clientErrors.incrementAndGet();
            if (!answer.envelope()) {
                unexpected(path + ": " + answer);
            }
        } else if (answer.acknowledged()) {
            successes.incrementAndGet();
        } else {
            unexpected(path + ": " + answer);
        }
    }

    synchronized void unexpected(String what) {
        outsideContract.incrementAndGet();
        if (unexpected.size() < SAMPLES) {
            unexpected.add(what);
        }
    }

    synchronized List<String> unexpected() {
        return List.copyOf(unexpected);
    }
}
