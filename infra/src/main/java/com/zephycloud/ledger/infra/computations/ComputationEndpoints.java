package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.command.computations.ComputationStatus;
import com.zephycloud.ledger.command.computations.DisableShutdown;
import com.zephycloud.ledger.command.computations.KillComputation;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.query.computations.ComputationDetails;
import com.zephycloud.ledger.query.computations.ComputationLogs;
import com.zephycloud.ledger.query.computations.ComputationPage;
import com.zephycloud.ledger.query.computations.ComputationQueries;
import com.zephycloud.ledger.query.computations.ComputationStatusHistory;
import com.zephycloud.ledger.query.computations.FindComputation;
import com.zephycloud.ledger.query.computations.FindComputationLogs;
import com.zephycloud.ledger.query.computations.ListComputationStatuses;
import com.zephycloud.ledger.query.computations.ListComputations;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Admin API, "Computations": list, show, logs, kill, disable_shutdown, and the status history. */
@RestController
@RequestMapping("/admin/computations")
public class ComputationEndpoints {

    private static final String STATUSES = Arrays.stream(ComputationStatus.values()).map(ComputationStatus::json)
            .collect(Collectors.joining(", "));

    private final Commands commands;
    private final Queries queries;
    private final Clock clock;

    public ComputationEndpoints(Commands commands, Queries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @RequestMapping(path = "/list", method = {GET, POST})
    public ApiResponse list(ApiParams params) {
        ListComputations query = new ListComputations(params.optionalId("user_id"), params.optionalText("project_uid"),
                params.optionalChoice("status", ComputationEndpoints::status), params.order(ComputationQueries.ORDER),
                params.paging());
        params.done();
        return ApiResponse.page(queries.ask(query, ComputationPage.class));
    }

    @RequestMapping(path = "/show", method = {GET, POST})
    public ApiResponse show(ApiParams params) {
        long jobId = params.requiredId("job_id");
        params.done();
        return ApiResponse.ok(queries.find(new FindComputation(jobId), ComputationDetails.class)
                .orElseThrow(() -> unknownJob(jobId)));
    }

    @RequestMapping(path = "/show_logs", method = {GET, POST})
    public ApiResponse showLogs(ApiParams params) {
        long jobId = params.requiredId("job_id");
        params.done();
        return ApiResponse.ok(queries.find(new FindComputationLogs(jobId), ComputationLogs.class)
                .orElseThrow(() -> unknownJob(jobId)).text());
    }

    /** Status history, newest first: {@code [{status, date, reason}]}. */
    @RequestMapping(path = "/statuses", method = {GET, POST})
    public ApiResponse statuses(ApiParams params) {
        long jobId = params.requiredId("job_id");
        params.done();
        ComputationStatusHistory history = queries.ask(new ListComputationStatuses(jobId), ComputationStatusHistory.class);
        if (history.items().isEmpty()) {
            throw unknownJob(jobId);
        }
        return ApiResponse.ok(history.items());
    }

    @RequestMapping(path = "/kill", method = {GET, POST})
    public ApiResponse kill(ApiParams params) {
        long jobId = params.requiredId("job_id");
        String reason = params.optionalText("reason");
        params.done();
        commands.send(new KillComputation(JobId.of(jobId), reason == null ? "killed by an admin" : "killed by an admin: "
                + reason, clock.instant()));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/disable_shutdown", method = {GET, POST})
    public ApiResponse disableShutdown(ApiParams params) {
        long jobId = params.requiredId("job_id");
        params.done();
        commands.send(new DisableShutdown(JobId.of(jobId)));
        return ApiResponse.ok();
    }

    private static String status(String text) {
        String value = text.toLowerCase(Locale.ROOT);
        for (ComputationStatus status : ComputationStatus.values()) {
            if (status.json().equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "', expected one of: " + STATUSES);
    }

    private static ApiException unknownJob(long jobId) {
        return ApiException.notFound("job_id: no job with job_id " + jobId);
    }
}
