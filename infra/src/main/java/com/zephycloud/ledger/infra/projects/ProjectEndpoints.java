package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.command.projects.RemoveProject;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.infra.projects.files.FileStorages;
import com.zephycloud.ledger.kernel.projects.ProjectStatus;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.query.projects.FindProjectFile;
import com.zephycloud.ledger.query.projects.ListProjects;
import com.zephycloud.ledger.query.projects.ProjectDetails;
import com.zephycloud.ledger.query.projects.ProjectFileView;
import com.zephycloud.ledger.query.projects.ProjectPage;
import com.zephycloud.ledger.query.projects.ProjectQueries;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Admin API, "Projects" section. */
@RestController
@RequestMapping("/admin")
public class ProjectEndpoints {

    static final String UID_EXPECTED = "a project uid";

    private final Commands commands;
    private final Queries queries;
    private final OwnedProjects projects;
    private final FileUrls urls;
    private final FileStorages storages;

    public ProjectEndpoints(Commands commands, Queries queries, OwnedProjects projects, FileUrls urls,
                            FileStorages storages) {
        this.commands = commands;
        this.queries = queries;
        this.projects = projects;
        this.urls = urls;
        this.storages = storages;
    }

    @RequestMapping(path = "/projects/list", method = {GET, POST})
    public ApiResponse list(ApiParams params) {
        Long userId = params.optionalId("user_id");
        Instant date = params.optionalEpochSeconds("date");
        ListProjects query = new ListProjects(userId, date, params.optionalText("filter"),
                params.optionalChoice("status", ProjectStatus::parse), params.optionalText("storage"),
                params.order(ProjectQueries.ORDER), params.paging());
        params.done();
        if (userId != null) {
            projects.requireUser(userId);
        }
        return ApiResponse.page(queries.ask(query, ProjectPage.class));
    }

    @RequestMapping(path = "/projects/show", method = {GET, POST})
    public ApiResponse show(ApiParams params) {
        long userId = params.requiredId("user_id");
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        boolean includeDeleted = params.optionalBoolean("include_deleted", false);
        params.done();
        return ApiResponse.ok(ProjectShow.of(projects.find(userId, uid, includeDeleted), urls));
    }

    /** With include_deleted, removing a project already removed answers ok and changes nothing. */
    @RequestMapping(path = "/projects/remove", method = {GET, POST})
    public ApiResponse remove(ApiParams params) {
        long userId = params.requiredId("user_id");
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        boolean includeDeleted = params.optionalBoolean("include_deleted", false);
        params.done();
        ProjectDetails project = projects.find(userId, uid, includeDeleted);
        if (!project.removed()) {
            commands.send(new RemoveProject(uid));
        }
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/projects/file_url", method = {GET, POST})
    public ApiResponse fileUrl(ApiParams params) {
        long userId = params.requiredId("user_id");
        ProjectUid uid = params.requiredChoice("project_uid", ProjectUid::of, UID_EXPECTED);
        long fileId = params.requiredId("file_id");
        boolean includeDeleted = params.optionalBoolean("include_deleted", false);
        params.done();
        ProjectDetails project = projects.find(userId, uid, includeDeleted);
        ProjectFileView file = queries.find(new FindProjectFile(fileId), ProjectFileView.class)
                .filter(found -> found.projectUid().equals(uid.value()))
                .orElseThrow(() -> ApiException.notFound("project " + uid.value() + " has no file " + fileId));
        if (file.deleted() && !includeDeleted) {
            throw ApiException.notFound("file " + fileId + " is deleted; pass include_deleted=true");
        }
        var storage = storages.find(project.storage()).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "the storage '" + project.storage() + "' of project " + uid.value() + " is not configured here"));
        return ApiResponse.ok(storage.downloadUrl(file.storageKey()).toString());
    }
}
