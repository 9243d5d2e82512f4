package com.zephycloud.ledger.infra.computations;

import java.util.UUID;

import static com.zephycloud.ledger.infra.support.ApiClient.params;

/** Gold users and running jobs of the catalog double, made through the API as the platform makes them. */
final class RunningJobs {

    private RunningJobs() {
    }

    static long newUser(LedgerInstance app, String coins) {
        String login = "payer" + uniqueLetters();
        return app.admin().post("/admin/user/new/", params("login", login, "email", login + "@example.com",
                "pwd", "secret-password", "rank", "gold", "nbr_coins", coins)).ok().asLong();
    }

    /** Submits a job of toolchain calc on {@code machine} and starts it at the clock's time. */
    static long startJob(LedgerInstance app, long userId, String machine, int machines) {
        long jobId = app.service().post("/service/computations/submit/", params("user_id", userId,
                "project_uid", "project-" + userId, "toolchain_name", "calc", "provider_name", "aws_eu",
                "machine_name", machine, "nbr_machines", machines)).ok().get("job_id").asLong();
        app.service().post("/service/computations/start/", params("job_id", jobId)).ok();
        return jobId;
    }

    /** A random UUID's 32 hex digits as letters a-p (logins are letters only): never the same twice. */
    private static String uniqueLetters() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }
}
