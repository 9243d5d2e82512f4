package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.command.projects.ChangeCalculationStatus;
import com.zephycloud.ledger.command.projects.ChangeMeshStatus;
import com.zephycloud.ledger.command.projects.CreateCalculation;
import com.zephycloud.ledger.command.projects.CreateMesh;
import com.zephycloud.ledger.command.projects.DeleteCalculation;
import com.zephycloud.ledger.command.projects.DeleteMesh;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.projects.WorkStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.zephycloud.ledger.infra.projects.ProjectServiceEndpoints.UID_EXPECTED;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Service API of the platform: meshes and calculations of a project. */
@RestController
@RequestMapping("/service")
public class ProjectItemServiceEndpoints {

    private static final String STATUS_EXPECTED = "one of " + WorkStatus.ALLOWED;

    private final Commands commands;
    private final ProjectIdAllocator ids;

    public ProjectItemServiceEndpoints(Commands commands, ProjectIdAllocator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    /** Answers the new mesh_id. */
    @RequestMapping(path = "/meshes/create", method = POST)
    public ApiResponse createMesh(ApiParams params) {
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        String name = params.requiredText("name");
        params.done();
        long meshId = ids.nextMeshId();
        commands.send(new CreateMesh(uid, meshId, name));
        return ApiResponse.ok(meshId);
    }

    @RequestMapping(path = "/meshes/status", method = POST)
    public ApiResponse meshStatus(ApiParams params) {
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        long meshId = params.requiredId("mesh_id");
        WorkStatus status = params.requiredChoice("status", WorkStatus::parse, STATUS_EXPECTED);
        params.done();
        commands.send(new ChangeMeshStatus(uid, meshId, status));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/meshes/delete", method = POST)
    public ApiResponse deleteMesh(ApiParams params) {
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        long meshId = params.requiredId("mesh_id");
        params.done();
        commands.send(new DeleteMesh(uid, meshId));
        return ApiResponse.ok();
    }

    /** The calculation is named by the job that computes it (job_id, as given: not checked here). */
    @RequestMapping(path = "/calculations/create", method = POST)
    public ApiResponse createCalculation(ApiParams params) {
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        long jobId = params.requiredId("job_id");
        long meshId = params.requiredId("mesh_id");
        String name = params.requiredText("name");
        params.done();
        commands.send(new CreateCalculation(uid, jobId, meshId, name));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/calculations/status", method = POST)
    public ApiResponse calculationStatus(ApiParams params) {
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        long jobId = params.requiredId("job_id");
        WorkStatus status = params.requiredChoice("status", WorkStatus::parse, STATUS_EXPECTED);
        Boolean hasLogs = params.has("has_logs") ? params.optionalBoolean("has_logs", false) : null;
        params.done();
        commands.send(new ChangeCalculationStatus(uid, jobId, status, hasLogs));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/calculations/delete", method = POST)
    public ApiResponse deleteCalculation(ApiParams params) {
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        long jobId = params.requiredId("job_id");
        params.done();
        commands.send(new DeleteCalculation(uid, jobId));
        return ApiResponse.ok();
    }
}
