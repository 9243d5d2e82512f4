package com.zephycloud.ledger.infra.faults;

import java.time.Duration;
import java.util.List;

/** One fault, injected while the traffic runs; what it saw that breaks the contract goes in {@code result}. */
interface Fault {

    String name();

    void inject(List<InstanceProcess> instances, CheckResult result) throws Exception;

    /** No fault: the same traffic and checks, as a control. */
    static Fault none() {
        return new Fault() {
            public String name() {
                return "none (control)";
            }

            public void inject(List<InstanceProcess> instances, CheckResult result) {
            }
        };
    }

    /** kill -9 of the second instance, down for {@code down}, then started again. */
    static Fault kill(HarnessHttp http, Duration down) {
        return new Fault() {
            public String name() {
                return "kill -9 and restart";
            }

            public void inject(List<InstanceProcess> instances, CheckResult result) throws Exception {
                InstanceProcess victim = instances.get(1);
                victim.kill();
                Thread.sleep(down.toMillis());
                victim.start();
                if (!victim.awaitReady(http, Duration.ofMinutes(5))) {
                    result.mismatch(victim.name() + " not ready 5 minutes after its restart: "
                            + victim.whyNotReady(http));
                }
            }
        };
    }

    /** SIGSTOP of the third instance for {@code paused} (past the claim timeout), then SIGCONT. */
    static Fault pause(HarnessHttp http, Duration paused) {
        return new Fault() {
            public String name() {
                return "SIGSTOP " + paused.toSeconds() + " s, SIGCONT";
            }

            public void inject(List<InstanceProcess> instances, CheckResult result) throws Exception {
                InstanceProcess victim = instances.get(2);
                victim.pause();
                try {
                    Thread.sleep(paused.toMillis());
                } finally {
                    victim.resume();
                }
                if (!victim.awaitReady(http, Duration.ofMinutes(1))) {
                    result.mismatch(victim.name() + " not ready a minute after SIGCONT: "
                            + victim.whyNotReady(http));
                }
            }
        };
    }
}
