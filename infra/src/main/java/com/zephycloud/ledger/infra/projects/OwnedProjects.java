package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.query.ledger.FindUser;
import com.zephycloud.ledger.query.ledger.UserView;
import com.zephycloud.ledger.query.projects.FindProject;
import com.zephycloud.ledger.query.projects.ProjectDetails;
import org.springframework.stereotype.Component;

/**
 * Finds a project the way the admin endpoints name it: by its owner and its uid. An unknown user,
 * a project of another user, and (without {@code include_deleted}) a removed project or one whose
 * owner is deleted are all "not found".
 */
@Component
public class OwnedProjects {

    private final Queries queries;

    public OwnedProjects(Queries queries) {
        this.queries = queries;
    }

    public ProjectDetails find(long userId, ProjectUid projectUid, boolean includeDeleted) {
        requireUser(userId);
        ProjectDetails project = queries.find(new FindProject(projectUid.value(), includeDeleted), ProjectDetails.class)
                .filter(found -> found.userId() == userId)
                .orElseThrow(() -> ApiException.notFound("user " + userId + " has no project " + projectUid.value()));
        if (!includeDeleted && project.removed()) {
            throw ApiException.notFound("project " + projectUid.value() + " is removed; pass include_deleted=true");
        }
        if (!includeDeleted && project.ownerDeleted()) {
            throw ApiException.notFound("the owner of project " + projectUid.value()
                    + " is deleted; pass include_deleted=true");
        }
        return project;
    }

    public UserView requireUser(long userId) {
        return queries.find(new FindUser(userId, null, null, true), UserView.class)
                .orElseThrow(() -> ApiException.notFound("no user with user_id " + userId));
    }
}
