package com.zephycloud.ledger.infra.projects;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectApiTest extends ApiTest {

    /** Job ids are given by the computations; tests take theirs from a range nobody else uses. */
    private static final AtomicLong JOBS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 5_000_000_000L);

    private ProjectFixtures platform() {
        return new ProjectFixtures(service());
    }

    private static List<String> uids(JsonNode list) {
        List<String> uids = new ArrayList<>();
        list.forEach(p -> uids.add(p.get("project_uid").asText()));
        return uids;
    }

    @Test
    void creatingAProjectGivesAUidOfTheReferenceForm() {
        String login = unique("tristan");
        long userId = newUser(login, "10");
        String uid = platform().project(userId);
        assertThat(uid).matches(login + "-\\d{10}\\.\\d{2}-[0-9a-f]{32}[0-9A-Z]{30}");

        JsonNode shown = admin().post("/admin/projects/show/", params("user_id", userId, "project_uid", uid)).ok();
        assertThat(shown.get("login").asText()).isEqualTo(login);
        assertThat(shown.get("email").asText()).isEqualTo(login + "@example.com");
        assertThat(shown.get("status").asText()).isEqualTo("pending");
        assertThat(shown.get("storage").asText()).isEqualTo("local");
        assertThat(shown.get("total_size").asLong()).isZero();
        assertThat(shown.get("amount").decimalValue()).isZero();
        assertThat(shown.get("raw_file_url").isNull()).isTrue();
        assertThat(shown.get("meshes")).isEmpty();
    }

    @Test
    void showGivesMeshesCalculationsFileUrlsSizeAndTheAmountBurned() {
        long userId = newUser(unique("shower"), "10");
        ProjectFixtures platform = platform();
        String uid = platform.project(userId);
        long meshId = platform.mesh(uid, "M1_ZS");
        long jobId = JOBS.incrementAndGet();
        platform.calculation(uid, jobId, meshId, "C1");
        long raw = platform.file(uid, unique("raw"), 100, "raw");
        long preview = platform.file(uid, unique("preview"), 20, "mesh_preview", "mesh_id", meshId);
        long result = platform.file(uid, unique("result"), 3, "calc_result", "job_id", jobId);
        service().post("/service/calculations/status/", params("project_uid", uid, "job_id", jobId,
                "status", "computed", "has_logs", true)).ok();
        service().post("/service/projects/status/", params("project_uid", uid, "status", "analysed")).ok();
        admin().post("/admin/user/consume/", params("user_id", userId, "amount", "2.5", "description", "x")).ok();

        JsonNode shown = admin().post("/admin/projects/show/", params("user_id", userId, "project_uid", uid)).ok();
        assertThat(shown.get("status").asText()).isEqualTo("analysed");
        assertThat(shown.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(shown.get("total_size").asLong()).isEqualTo(123);
        assertThat(shown.get("raw_file_id").asLong()).isEqualTo(raw);
        assertThat(shown.get("raw_file_url").asText()).contains("/files/local?key=");
        JsonNode mesh = shown.get("meshes").get(0);
        assertThat(mesh.get("mesh_id").asLong()).isEqualTo(meshId);
        assertThat(mesh.get("name").asText()).isEqualTo("M1_ZS");
        assertThat(mesh.get("status").asText()).isEqualTo("pending");
        assertThat(mesh.get("delete_date").isNull()).isTrue();
        assertThat(mesh.get("preview_file_id").asLong()).isEqualTo(preview);
        assertThat(mesh.get("preview_file_url").asText()).startsWith("http://localhost:" + port + "/files/local?");
        JsonNode calculation = shown.get("calculations").get(0);
        assertThat(calculation.get("job_id").asLong()).isEqualTo(jobId);
        assertThat(calculation.get("mesh_id").asLong()).isEqualTo(meshId);
        assertThat(calculation.get("status").asText()).isEqualTo("computed");
        assertThat(calculation.get("has_logs").asBoolean()).isTrue();
        assertThat(calculation.get("result_file_id").asLong()).isEqualTo(result);
        assertThat(calculation.get("status_file_url").isNull()).isTrue();
        // the consumption above is not tied to the project: nothing burned on it
        assertThat(decimal(shown.get("amount"))).isZero();
    }

    @Test
    void deletedItemsAndTheirFilesLeaveTheProjectUnlessIncludeDeleted() {
        long userId = newUser(unique("deleter"), "10");
        ProjectFixtures platform = platform();
        String uid = platform.project(userId);
        long kept = platform.mesh(uid, "kept");
        long gone = platform.mesh(uid, "gone");
        platform.file(uid, unique("k"), 10, "mesh_result", "mesh_id", kept);
        platform.file(uid, unique("g"), 1000, "mesh_result", "mesh_id", gone);
        service().post("/service/meshes/delete/", params("project_uid", uid, "mesh_id", gone)).ok();

        JsonNode shown = admin().post("/admin/projects/show/", params("user_id", userId, "project_uid", uid)).ok();
        assertThat(shown.get("meshes")).hasSize(1);
        assertThat(shown.get("total_size").asLong()).isEqualTo(10);
        JsonNode all = admin().post("/admin/projects/show/", params("user_id", userId, "project_uid", uid,
                "include_deleted", true)).ok();
        assertThat(all.get("meshes")).hasSize(2);
        assertThat(all.get("meshes").get(1).get("delete_date").isNull()).isFalse();
        assertThat(all.get("total_size").asLong()).isEqualTo(10);
    }

    @Test
    void listFiltersByUserStatusStorageAndUid() {
        long userId = newUser(unique("lister"), "10");
        ProjectFixtures platform = platform();
        String first = platform.project(userId);
        String second = platform.project(userId);
        service().post("/service/projects/status/", params("project_uid", second, "status", "raw")).ok();

        var all = admin().get("/admin/projects/list/", params("user_id", userId, "order", "project_uid DESC"));
        assertThat(all.total()).isEqualTo(2);
        assertThat(uids(all.ok())).containsExactlyElementsOf(List.of(first, second).stream()
                .sorted((a, b) -> b.compareTo(a)).toList());
        JsonNode line = all.ok().get(0);
        assertThat(line.get("user_id").asLong()).isEqualTo(userId);
        assertThat(line.get("storage").asText()).isEqualTo("local");
        assertThat(line.get("create_date").asLong()).isPositive();

        assertThat(uids(admin().post("/admin/projects/list/", params("user_id", userId, "status", "raw")).ok()))
                .containsExactly(second);
        assertThat(uids(admin().post("/admin/projects/list/", params("filter", first.substring(first.length() - 20)))
                .ok())).containsExactly(first);
        assertThat(admin().post("/admin/projects/list/", params("user_id", userId, "storage", "elsewhere")).ok())
                .isEmpty();
        var page = admin().post("/admin/projects/list/", params("user_id", userId, "limit", 1, "offset", 1,
                "order", "creation_date ASC"));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.ok()).hasSize(1);
    }

    @Test
    void listAtADateShowsProjectsAsTheyWereThen() throws InterruptedException {
        long userId = newUser(unique("historian"), "10");
        String uid = platform().project(userId);
        Thread.sleep(1100);
        long before = System.currentTimeMillis() / 1000;
        Thread.sleep(1100);
        service().post("/service/projects/status/", params("project_uid", uid, "status", "analysing")).ok();
        admin().post("/admin/projects/remove/", params("user_id", userId, "project_uid", uid)).ok();

        JsonNode then = admin().post("/admin/projects/list/", params("user_id", userId, "date", before)).ok();
        assertThat(uids(then)).containsExactly(uid);
        assertThat(then.get(0).get("status").asText()).isEqualTo("pending");
        assertThat(admin().post("/admin/projects/list/", params("user_id", userId)).ok()).isEmpty();
        assertThat(admin().post("/admin/projects/list/", params("user_id", userId, "date", before - 5)).ok()).isEmpty();
    }

    @Test
    void removedProjectIsHiddenWithoutIncludeDeleted() {
        long userId = newUser(unique("remover"), "10");
        ProjectFixtures platform = platform();
        String uid = platform.project(userId);
        long meshId = platform.mesh(uid, "M");
        long fileId = platform.file(uid, unique("f"), 5, "mesh_result", "mesh_id", meshId);
        admin().post("/admin/projects/remove/", params("user_id", userId, "project_uid", uid)).ok();

        assertThat(admin().post("/admin/projects/show/", params("user_id", userId, "project_uid", uid)).refused(404))
                .containsExactly("project " + uid + " is removed; pass include_deleted=true");
        JsonNode shown = admin().post("/admin/projects/show/", params("user_id", userId, "project_uid", uid,
                "include_deleted", true)).ok();
        assertThat(shown.get("deleted").asBoolean()).isTrue();
        assertThat(shown.get("total_size").asLong()).isZero();
        assertThat(shown.get("meshes").get(0).get("delete_date").isNull()).isFalse();
        assertThat(admin().post("/admin/projects/remove/", params("user_id", userId, "project_uid", uid))
                .refused(404)).hasSize(1);
        admin().post("/admin/projects/remove/", params("user_id", userId, "project_uid", uid,
                "include_deleted", true)).ok();
        assertThat(admin().post("/admin/projects/file_url/", params("user_id", userId, "project_uid", uid,
                "file_id", fileId)).refused(404)).hasSize(1);
        assertThat(service().post("/service/meshes/create/", params("project_uid", uid, "name", "late"))
                .refused(409)).containsExactly("project " + uid + " is removed");
    }

    @Test
    void unknownUserProjectOrAnotherUsersProjectIsNotFound() {
        long owner = newUser(unique("owner"), "10");
        long other = newUser(unique("other"), "10");
        String uid = platform().project(owner);

        assertThat(admin().post("/admin/projects/show/", params("user_id", 999_999_999, "project_uid", uid))
                .refused(404)).containsExactly("no user with user_id 999999999");
        assertThat(admin().post("/admin/projects/show/", params("user_id", other, "project_uid", uid)).refused(404))
                .containsExactly("user " + other + " has no project " + uid);
        String unknown = uid.substring(0, uid.length() - 3) + "ZZZ";
        assertThat(admin().post("/admin/projects/show/", params("user_id", owner, "project_uid", unknown))
                .refused(404)).containsExactly("user " + owner + " has no project " + unknown);
        assertThat(admin().post("/admin/projects/remove/", params("user_id", other, "project_uid", uid)).refused(404))
                .hasSize(1);
        assertThat(admin().post("/admin/projects/list/", params("user_id", 999_999_999)).refused(404))
                .containsExactly("no user with user_id 999999999");
        assertThat(service().post("/service/projects/create/", params("user_id", 999_999_999)).refused(404))
                .containsExactly("no user with user_id 999999999");
        assertThat(service().post("/service/meshes/create/", params("project_uid", unknown, "name", "M"))
                .refused(404)).containsExactly("no project with project_uid " + unknown);
        // the project is untouched by the refused removal
        admin().post("/admin/projects/show/", params("user_id", owner, "project_uid", uid)).ok();
    }

    @Test
    void fileUrlOnlyForAFileOfThatProject() {
        long userId = newUser(unique("filer"), "10");
        ProjectFixtures platform = platform();
        String uid = platform.project(userId);
        String otherUid = platform.project(userId);
        long fileId = platform.file(uid, unique("mine"), 5, "raw");
        long foreign = platform.file(otherUid, unique("theirs"), 5, "raw");

        String url = admin().post("/admin/projects/file_url/", params("user_id", userId, "project_uid", uid,
                "file_id", fileId)).ok().asText();
        assertThat(url).contains("/files/local?key=");
        assertThat(admin().post("/admin/projects/file_url/", params("user_id", userId, "project_uid", uid,
                "file_id", foreign)).refused(404)).containsExactly("project " + uid + " has no file " + foreign);
        // every admin route takes GET as well as POST (docs/api.md, "Paths and methods")
        assertThat(admin().get("/admin/projects/file_url/", params("user_id", userId, "project_uid", uid,
                "file_id", fileId)).ok().asText()).contains("/files/local?key=");
        assertThat(admin().post("/admin/projects/file_url/", params("user_id", userId, "project_uid", "nope",
                "file_id", "x")).refused(400)).hasSize(2);
    }

    @Test
    void statusEndpointsReadAndSet() {
        long userId = newUser(unique("stater"), "10");
        ProjectFixtures platform = platform();
        String uid = platform.project(userId);
        long meshId = platform.mesh(uid, "M");
        long jobId = JOBS.incrementAndGet();
        platform.calculation(uid, jobId, meshId, "C");

        assertThat(admin().post("/admin/projects/status/", params("user_id", userId, "project_uid", uid)).ok()
                .asText()).isEqualTo("pending");
        assertThat(admin().post("/admin/projects/status/", params("user_id", userId, "project_uid", uid,
                "status", "raw")).ok().asText()).isEqualTo("raw");
        assertThat(admin().get("/admin/projects/status/", params("user_id", userId, "project_uid", uid)).ok()
                .asText()).isEqualTo("raw");
        service().post("/service/meshes/status/", params("project_uid", uid, "mesh_id", meshId,
                "status", "computing")).ok();
        assertThat(admin().post("/admin/meshes/status/", params("user_id", userId, "project_uid", uid,
                "mesh_id", meshId)).ok().asText()).isEqualTo("computing");
        assertThat(admin().post("/admin/meshes/status/", params("user_id", userId, "project_uid", uid,
                "mesh_id", meshId, "status", "computed")).ok().asText()).isEqualTo("computed");
        assertThat(admin().post("/admin/meshes/status/", params("user_id", userId, "project_uid", uid,
                "mesh_id", meshId)).ok().asText()).isEqualTo("computed");
        assertThat(admin().post("/admin/calculations/status/", params("user_id", userId, "project_uid", uid,
                "job_id", jobId, "status", "killed")).ok().asText()).isEqualTo("killed");
        assertThat(admin().post("/admin/calculations/status/", params("user_id", userId, "project_uid", uid,
                "job_id", jobId)).ok().asText()).isEqualTo("killed");

        assertThat(admin().post("/admin/projects/status/", params("user_id", userId, "project_uid", uid,
                "status", "done")).refused(400)).containsExactly(
                "status: unknown project status 'done', expected one of: pending, raw, analysing, analysed");
        assertThat(admin().post("/admin/meshes/status/", params("user_id", userId, "project_uid", uid,
                "mesh_id", meshId + 1000)).refused(404)).hasSize(1);
        assertThat(admin().post("/admin/calculations/status/", params("user_id", userId, "project_uid", uid,
                "job_id", jobId + 1000, "status", "computed")).refused(404)).hasSize(1);
        assertThat(admin().post("/admin/projects/status/", params("user_id", userId, "project_uid", uid)).ok()
                .asText()).isEqualTo("raw");
    }

    @Test
    void serviceApiValidatesAndEnforcesTheRules() {
        long userId = newUser(unique("rules"), "10");
        ProjectFixtures platform = platform();
        String uid = platform.project(userId);
        long meshId = platform.mesh(uid, "M");
        long jobId = JOBS.incrementAndGet();
        platform.calculation(uid, jobId, meshId, "C");
        String key = unique("key");
        platform.file(uid, key, 1, "raw");

        assertThat(service().post("/service/projects/create/", params("user_id", userId, "storage", "nowhere"))
                .refused(400))
                .containsExactly("storage: no storage named 'nowhere' is configured; configured: [local]");
        assertThat(service().post("/service/meshes/delete/", params("project_uid", uid, "mesh_id", meshId))
                .refused(409)).containsExactly("mesh " + meshId + " is used by the calculations of jobs [" + jobId
                + "]: delete them first");
        String other = platform.project(userId);
        assertThat(service().post("/service/projects/attach_file/", params("project_uid", other, "name", "x",
                "size", 1, "storage_key", key, "role", "raw")).refused(409))
                .containsExactly("storage key '" + key + "' of storage 'local' is already the key of another file");
        long otherMesh = platform.mesh(other, "M");
        assertThat(service().post("/service/calculations/create/", params("project_uid", other, "job_id", jobId,
                "mesh_id", otherMesh, "name", "C")).refused(409)).containsExactly("job " + jobId
                + " already has a calculation");
        assertThat(service().post("/service/projects/attach_file/", params("project_uid", uid, "name", "x",
                "size", -1, "storage_key", "k", "role", "mesh_preview")).refused(400)).containsExactly(
                "size: is required, expected the file's size in bytes (0 or more)");
        assertThat(service().post("/service/calculations/status/", params("project_uid", uid, "job_id", jobId,
                "status", "lost")).refused(400)).containsExactly(
                "status: unknown status 'lost', expected one of: pending, computing, computed, canceled, killed");
        assertThat(admin().post("/service/meshes/create/", params("project_uid", uid, "name", "M")).status())
                .isEqualTo(401);
        service().post("/service/calculations/delete/", params("project_uid", uid, "job_id", jobId)).ok();
        service().post("/service/meshes/delete/", params("project_uid", uid, "mesh_id", meshId)).ok();
        assertThat(service().post("/service/meshes/status/", params("project_uid", uid, "mesh_id", meshId,
                "status", "computed")).refused(409)).hasSize(1);
    }
}
