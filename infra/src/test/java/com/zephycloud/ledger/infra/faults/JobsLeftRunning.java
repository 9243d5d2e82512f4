package com.zephycloud.ledger.infra.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jobs still running when the clients paused: a scheduler gave up on a job whose finish it could
 * not get acknowledged within its retry time (an instance restarting for minutes on a loaded
 * machine). They are killed through the admin API before the checks, so that billing stops and
 * the store is at rest.
 */
final class JobsLeftRunning {

    /** The reason of the kills made here, which tells them from the instances' own. */
    static final String REASON = "left running by the fault harness's scheduler";

    private JobsLeftRunning() {
    }

    static void end(ThrowawayPostgres database, HarnessHttp http, int port, CheckResult result)
            throws SQLException, InterruptedException {
        List<Long> jobs = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT job_id FROM billing_schedule")) {
            while (rows.next()) {
                jobs.add(rows.getLong(1));
            }
        }
        for (long job : jobs) {
            HttpAnswer killed = http.admin(port, "/admin/computations/kill/", Map.of("job_id", job,
                    "reason", REASON));
            if (!killed.acknowledged() && killed.status() != 409) {
                result.mismatch("computations/kill of job " + job + " left running: " + killed);
            }
        }
        if (!jobs.isEmpty()) {
            result.note("jobs left running by a scheduler that gave up, killed before the checks: " + jobs);
            Thread.sleep(1000); // a billing batch that held the job's row commits or rolls back
        }
    }
}
