package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.command.computations.AppendLogs;
import com.zephycloud.ledger.command.computations.CancelComputation;
import com.zephycloud.ledger.command.computations.ComputationStatus;
import com.zephycloud.ledger.command.computations.FinishComputation;
import com.zephycloud.ledger.command.computations.LaunchComputation;
import com.zephycloud.ledger.command.computations.MachineOffer;
import com.zephycloud.ledger.command.computations.PauseComputation;
import com.zephycloud.ledger.command.computations.ReportProgress;
import com.zephycloud.ledger.command.computations.ResumeComputation;
import com.zephycloud.ledger.command.computations.StartComputation;
import com.zephycloud.ledger.command.computations.SubmitComputation;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.kernel.UserId;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * The scheduler's API (service credentials): it drives each job through its life. Submission
 * resolves the catalog's offer as it is now and charges the fixed price; every other call is one
 * lifecycle change of one job.
 */
@RestController
@RequestMapping("/service/computations")
public class SchedulerEndpoints {

    private final Commands commands;
    private final MachineOffers offers;
    private final JobIdSequence jobIds;
    private final Clock clock;

    public SchedulerEndpoints(Commands commands, MachineOffers offers, JobIdSequence jobIds, Clock clock) {
        this.commands = commands;
        this.offers = offers;
        this.jobIds = jobIds;
        this.clock = clock;
    }

    /** Answers {@code {"job_id": n}}. A repeated {@code request_id} answers the first job. */
    @RequestMapping(path = "/submit", method = POST)
    public ApiResponse submit(ApiParams params) {
        long userId = params.requiredId("user_id");
        String projectUid = params.requiredText("project_uid");
        String toolchain = params.requiredText("toolchain_name");
        String provider = params.requiredText("provider_name");
        String machine = params.requiredText("machine_name");
        Integer nbrMachines = params.optionalInt("nbr_machines", 1);
        String requestId = params.requestId();
        params.done();
        Instant now = clock.instant();
        MachineOffer offer = offers.find(toolchain, provider, machine, now);
        // a repeated request_id answers the job of the first submission; this id is then unused
        JobId job = commands.once(requestId, () -> params.fingerprint("computations/submit"), JobId.class,
                new SubmitComputation(jobIds.next(), UserId.of(userId), projectUid,
                        nbrMachines == null ? 1 : nbrMachines, offer, now));
        long jobId = job.value();
        return ApiResponse.ok(Map.of("job_id", jobId));
    }

    @RequestMapping(path = "/launching", method = POST)
    public ApiResponse launching(ApiParams params) {
        long jobId = params.requiredId("job_id");
        params.done();
        JobId job = JobId.of(jobId);
        commands.send(new LaunchComputation(job, clock.instant()));
        return ApiResponse.ok();
    }

    /** {@code start_time} (UTC epoch seconds, not in the future) defaults to now. */
    @RequestMapping(path = "/start", method = POST)
    public ApiResponse start(ApiParams params) {
        long jobId = params.requiredId("job_id");
        Instant startTime = params.optionalEpochSeconds("start_time");
        params.done();
        JobId job = JobId.of(jobId);
        Instant now = clock.instant();
        commands.send(new StartComputation(job, startTime == null ? now : startTime, now));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/progress", method = POST)
    public ApiResponse progress(ApiParams params) {
        long jobId = params.requiredId("job_id");
        BigDecimal progress = params.optionalDecimal("progress");
        if (progress == null && !params.has("progress")) {
            params.reject("progress: is required, expected a number between 0 and 1");
        }
        params.done();
        JobId job = JobId.of(jobId);
        commands.send(new ReportProgress(job, progress));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/logs", method = POST)
    public ApiResponse logs(ApiParams params) {
        long jobId = params.requiredId("job_id");
        String lines = params.requiredText("lines");
        params.done();
        JobId job = JobId.of(jobId);
        commands.send(new AppendLogs(job, lines));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/finish", method = POST)
    public ApiResponse finish(ApiParams params) {
        long jobId = params.requiredId("job_id");
        params.done();
        JobId job = JobId.of(jobId);
        commands.send(new FinishComputation(job, clock.instant()));
        return ApiResponse.ok();
    }

    /**
     * Answers {@code {"status": "paused"}}, or {@code {"status": "killed"}} when a slice that began
     * before the pause could not be paid (the job is then stopped as billing would have stopped it).
     * A repeated {@code request_id} answers as the first pause did, instead of "already paused".
     */
    @RequestMapping(path = "/pause", method = POST)
    public ApiResponse pause(ApiParams params) {
        long jobId = params.requiredId("job_id");
        String reason = params.optionalText("reason");
        String requestId = params.requestId();
        params.done();
        ComputationStatus status = commands.once(requestId, () -> params.fingerprint("computations/pause"),
                ComputationStatus.class, new PauseComputation(JobId.of(jobId),
                        reason == null ? "paused by the scheduler" : reason, clock.instant()));
        return ApiResponse.ok(Map.of("status", status.json()));
    }

    /**
     * Answers {@code {"next_slice_time": t}}: when the next slice begins and is charged (epoch
     * seconds). A repeated {@code request_id} answers as the first resume did.
     */
    @RequestMapping(path = "/resume", method = POST)
    public ApiResponse resume(ApiParams params) {
        long jobId = params.requiredId("job_id");
        String requestId = params.requestId();
        params.done();
        Instant nextSlice = commands.once(requestId, () -> params.fingerprint("computations/resume"), Instant.class,
                new ResumeComputation(JobId.of(jobId), clock.instant()));
        return ApiResponse.ok(Map.of("next_slice_time", nextSlice.getEpochSecond()));
    }

    @RequestMapping(path = "/cancel", method = POST)
    public ApiResponse cancel(ApiParams params) {
        long jobId = params.requiredId("job_id");
        String reason = params.optionalText("reason");
        params.done();
        JobId job = JobId.of(jobId);
        commands.send(new CancelComputation(job, reason == null ? "canceled by the scheduler" : reason,
                clock.instant()));
        return ApiResponse.ok();
    }
}
