package com.zephycloud.ledger.infra.faults;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How long each part of a run lasts. The full run holds the database down 30 s and pauses an
 * instance 20 s; {@code -Dfaults.short=true} (CI) runs the same faults shorter, the pause still
 * past the token store's claim timeout (10 s), with no control run, and compares the read models
 * with their rebuild once, after the last fault (each rebuild stops and starts two instances:
 * about a minute on two cores); a divergence left by an earlier fault is still there then, as
 * projections only add to what they wrote.
 */
record HarnessSettings(boolean quick, Path jar, Path postgresBin, int clients, int schedulers, int users,
                       Duration before, Duration after, Duration killedFor, Duration databaseDown,
                       Duration paused, Duration retryFor) {

    static HarnessSettings fromSystemProperties() {
        boolean quick = Boolean.getBoolean("faults.short");
        Path jar = Path.of(System.getProperty("faults.jar", "target/infra-0.1.0-SNAPSHOT.jar"));
        Path bin = Path.of(System.getProperty("faults.postgres-bin", "/usr/lib/postgresql/15/bin"));
        return quick
                ? new HarnessSettings(true, jar, bin, 4, 2, 6, seconds(5), seconds(8), seconds(3), seconds(10),
                seconds(13), seconds(60))
                : new HarnessSettings(false, jar, bin, 6, 3, 12, seconds(20), seconds(30), seconds(10), seconds(30),
                seconds(20), seconds(90));
    }

    String name() {
        return quick ? "short" : "full";
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
