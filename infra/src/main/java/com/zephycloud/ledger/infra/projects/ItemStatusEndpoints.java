package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.command.projects.ChangeCalculationStatus;
import com.zephycloud.ledger.command.projects.ChangeMeshStatus;
import com.zephycloud.ledger.command.projects.ChangeProjectStatus;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.kernel.projects.ProjectStatus;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.projects.WorkStatus;
import com.zephycloud.ledger.query.projects.ProjectDetails;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.zephycloud.ledger.infra.projects.ProjectEndpoints.UID_EXPECTED;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * Admin API, not in the reference (the admin dashboard calls them): read the status of a project,
 * mesh or calculation, or set it with {@code status}. Each answers the status after the call.
 */
@RestController
@RequestMapping("/admin")
public class ItemStatusEndpoints {

    private final Commands commands;
    private final OwnedProjects projects;

    public ItemStatusEndpoints(Commands commands, OwnedProjects projects) {
        this.commands = commands;
        this.projects = projects;
    }

    @RequestMapping(path = "/projects/status", method = {GET, POST})
    public ApiResponse project(ApiParams params) {
        long userId = params.requiredId("user_id");
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        ProjectStatus status = params.optionalChoice("status", ProjectStatus::parse);
        params.done();
        ProjectDetails project = projects.find(userId, uid, false);
        if (status == null) {
            return ApiResponse.ok(project.status());
        }
        commands.send(new ChangeProjectStatus(uid, status));
        return ApiResponse.ok(status.json());
    }

    @RequestMapping(path = "/meshes/status", method = {GET, POST})
    public ApiResponse mesh(ApiParams params) {
        long userId = params.requiredId("user_id");
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        long meshId = params.requiredId("mesh_id");
        WorkStatus status = params.optionalChoice("status", WorkStatus::parse);
        params.done();
        String current = projects.find(userId, uid, false).meshes().stream()
                .filter(mesh -> mesh.meshId() == meshId).findFirst()
                .orElseThrow(() -> ApiException.notFound("project " + uid.value() + " has no mesh " + meshId
                        + " (or it is deleted)")).status();
        if (status == null) {
            return ApiResponse.ok(current);
        }
        commands.send(new ChangeMeshStatus(uid, meshId, status));
        return ApiResponse.ok(status.json());
    }

    @RequestMapping(path = "/calculations/status", method = {GET, POST})
    public ApiResponse calculation(ApiParams params) {
        long userId = params.requiredId("user_id");
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        long jobId = calculationId(params);
        WorkStatus status = params.optionalChoice("status", WorkStatus::parse);
        params.done();
        String current = projects.find(userId, uid, false).calculations().stream()
                .filter(calculation -> calculation.jobId() == jobId).findFirst()
                .orElseThrow(() -> ApiException.notFound("project " + uid.value() + " has no calculation of job "
                        + jobId + " (or it is deleted)")).status();
        if (status == null) {
            return ApiResponse.ok(current);
        }
        commands.send(new ChangeCalculationStatus(uid, jobId, status, null));
        return ApiResponse.ok(status.json());
    }

    /**
     * A calculation is named by its computation's {@code job_id} (as {@code projects/show} lists it);
     * the admin dashboard sends the same id as {@code calc_id}. Exactly one of the two.
     */
    private static long calculationId(ApiParams params) {
        Long calcId = params.optionalId("calc_id");
        Long jobId = params.optionalId("job_id");
        if (calcId != null && jobId != null && !calcId.equals(jobId)) {
            params.reject("calc_id and job_id name the same calculation: give one of them, not " + calcId + " and "
                    + jobId);
        } else if (!params.has("calc_id") && !params.has("job_id")) {
            params.reject("job_id: is required (or calc_id), expected the positive integer id of the calculation's"
                    + " computation");
        }
        return calcId != null ? calcId : jobId == null ? 0 : jobId;
    }
}
