package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.command.projects.AttachFile;
import com.zephycloud.ledger.command.projects.ChangeProjectStatus;
import com.zephycloud.ledger.command.projects.CreateProject;
import com.zephycloud.ledger.command.projects.ProjectUidGenerator;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.infra.projects.files.FileStorages;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.projects.FileRole;
import com.zephycloud.ledger.kernel.projects.ProjectStatus;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.query.ledger.FindUser;
import com.zephycloud.ledger.query.ledger.UserView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Service API of the platform: projects and their files. */
@RestController
@RequestMapping("/service")
public class ProjectServiceEndpoints {

    static final String UID_EXPECTED = "a project uid";

    private final Commands commands;
    private final Queries queries;
    private final ProjectUidGenerator uids;
    private final ProjectIdAllocator ids;
    private final FileStorages storages;
    private final Clock clock;
    private final String defaultStorage;

    public ProjectServiceEndpoints(Commands commands, Queries queries, ProjectUidGenerator uids, ProjectIdAllocator ids,
                                   FileStorages storages, Clock clock,
                                   @Value("${zephy.projects.default-storage}") String defaultStorage) {
        this.commands = commands;
        this.queries = queries;
        this.uids = uids;
        this.ids = ids;
        this.storages = storages;
        this.clock = clock;
        this.defaultStorage = defaultStorage;
    }

    /** Answers the new project's uid. */
    @RequestMapping(path = "/projects/create", method = POST)
    public ApiResponse create(ApiParams params) {
        long userId = params.requiredId("user_id");
        String storage = params.optionalText("storage");
        String chosen = storage == null ? defaultStorage : storage;
        if (storages.find(chosen).isEmpty()) {
            params.reject("storage: no storage named '" + chosen + "' is configured; configured: " + storages.names());
        }
        params.done();
        UserView user = queries.find(new FindUser(userId, null, null, true), UserView.class)
                .orElseThrow(() -> ApiException.notFound("no user with user_id " + userId));
        if (user.deleted()) {
            throw new ApiException(HttpStatus.CONFLICT, "user " + userId + " is deleted: restore it first");
        }
        ProjectUid uid = uids.next(user.login(), clock.instant());
        commands.send(new CreateProject(uid, UserId.of(userId), chosen));
        return ApiResponse.ok(uid.value());
    }

    @RequestMapping(path = "/projects/status", method = POST)
    public ApiResponse status(ApiParams params) {
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        ProjectStatus status = params.requiredChoice("status", ProjectStatus::parse, "one of " + ProjectStatus.ALLOWED);
        params.done();
        commands.send(new ChangeProjectStatus(uid, status));
        return ApiResponse.ok();
    }

    /**
     * Records a file already stored under {@code storage_key} in the project's storage; answers
     * its new file_id. {@code role} says what it is; mesh files need mesh_id, calculation files job_id.
     */
    @RequestMapping(path = "/projects/attach_file", method = POST)
    public ApiResponse attachFile(ApiParams params) {
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        String name = params.requiredText("name");
        Long size = params.optionalLong("size");
        String key = params.requiredText("storage_key");
        FileRole role = params.requiredChoice("role", FileRole::parse, "one of " + FileRole.ALLOWED);
        Long meshId = params.optionalId("mesh_id");
        Long jobId = params.optionalId("job_id");
        if (size == null || size < 0) {
            params.reject("size: is required, expected the file's size in bytes (0 or more)");
        }
        params.done();
        long fileId = ids.nextFileId();
        commands.send(new AttachFile(uid, fileId, name, size, key, role, meshId, jobId));
        return ApiResponse.ok(fileId);
    }
}
