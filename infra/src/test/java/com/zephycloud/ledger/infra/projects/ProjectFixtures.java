package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.infra.support.ApiClient;

import static com.zephycloud.ledger.infra.support.ApiClient.params;

/** Projects, meshes, calculations and files made through the service API, as the platform does. */
final class ProjectFixtures {

    private final ApiClient service;

    ProjectFixtures(ApiClient service) {
        this.service = service;
    }

    String project(long userId) {
        return service.post("/service/projects/create/", params("user_id", userId)).ok().asText();
    }

    String project(long userId, String storage) {
        return service.post("/service/projects/create/", params("user_id", userId, "storage", storage)).ok().asText();
    }

    long mesh(String uid, String name) {
        return service.post("/service/meshes/create/", params("project_uid", uid, "name", name)).ok().asLong();
    }

    void calculation(String uid, long jobId, long meshId, String name) {
        service.post("/service/calculations/create/", params("project_uid", uid, "job_id", jobId, "mesh_id", meshId,
                "name", name)).ok();
    }

    long file(String uid, String key, long size, String role, Object... owner) {
        var p = params("project_uid", uid, "name", key + ".zip", "size", size, "storage_key", key, "role", role);
        for (int i = 0; i < owner.length; i += 2) {
            p.put((String) owner[i], owner[i + 1]);
        }
        return service.post("/service/projects/attach_file/", p).ok().asLong();
    }
}
