package com.zephycloud.ledger.infra.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.zephycloud.ledger.infra.dashboard.DashboardClient.sent;
import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original admin dashboard's calls, route by route, with its encoding
 * ({@code shared/reference/dashboard-calls.md}), against the running application over HTTP. Each
 * call must succeed in the envelope and answer the fields the dashboard reads; lists carry
 * {@code total}. The data each page needs (a provider, a machine, a toolchain, a user with a
 * project, a mesh, a calculation, a file and a computation) is made first through the admin and
 * service APIs, as the platform makes it.
 */
class DashboardContractTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;
    private DashboardClient dashboard;
    private String provider;
    private String machine;
    private String toolchain;
    private String login;
    private long userId;
    private String projectUid;
    private long meshId;
    private long jobId;
    private long fileId;

    @BeforeEach
    void platformWithOneUserAtWork() {
        dashboard = new DashboardClient(admin());
        if (admin().post("/admin/reports/pricing_constants/", params()).status() == 404) {
            // a new platform has none; the values of the other tests, so that no order of tests matters
            admin().post("/admin/reports/pricing_constants/update/", params("default_cost_currency", "dollar",
                    "default_cost_sec_granularity", 1, "default_cost_min_sec_granularity", 60,
                    "default_currency", "euro", "default_price_sec_granularity", 300,
                    "default_price_min_sec_granularity", 300, "openfoam_donations", 0.05, "security_margin", 0.05,
                    "zephycoin_price", 4, "margins", Map.of("root", 1, "gold", 2, "silver", 4, "bronze", 10),
                    "storage_price_per_day", 0.01)).ok();
        }
        provider = unique("dash");
        machine = "c5.xlarge";
        toolchain = unique("tc");
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws",
                "provider_specific", Map.of("region", "eu-west-1"))).ok();
        dashboard.call("/admin/machines/create/", machineFields(machine, "4"));
        admin().post("/admin/toolchains/create/", params("toolchain_name", toolchain, "fixed_price", 0.5,
                "machine_limit", 2, "machines", Map.of(provider, List.of(machine)))).ok();

        login = unique("dash");
        userId = dashboard.call("/admin/user/new/", sent("login", login, "email", login + "@example.com",
                "pwd", "a-secret-password", "rank", "gold", "nbr_coins", "100", "reason", "welcome")).asLong();
        projectUid = service().post("/service/projects/create/", params("user_id", userId)).ok().asText();
        meshId = service().post("/service/meshes/create/", params("project_uid", projectUid, "name", "M1"))
                .ok().asLong();
        jobId = service().post("/service/computations/submit/", params("user_id", userId, "project_uid", projectUid,
                "toolchain_name", toolchain, "provider_name", provider, "machine_name", machine, "nbr_machines", 1))
                .ok().get("job_id").asLong();
        service().post("/service/calculations/create/", params("project_uid", projectUid, "job_id", jobId,
                "mesh_id", meshId, "name", "C1")).ok();
        fileId = service().post("/service/projects/attach_file/", params("project_uid", projectUid,
                "name", "raw.zip", "size", 123, "storage_key", projectUid + "-raw", "role", "raw")).ok().asLong();
    }

    @Test
    void usersPages() {
        JsonNode users = dashboard.list("/admin/users/", sent("offset", "0", "limit", "50", "order", "user_id ASC",
                "rank", "gold"));
        assertThat(users).isNotEmpty();
        assertThat(users.get(0).has("id")).isTrue();
        for (String field : List.of("login", "email", "rank", "credit", "deleted")) {
            assertThat(users.get(0).has(field)).as(field).isTrue();
        }
        // an unchosen filter arrives as an empty string
        dashboard.list("/admin/users/", sent("offset", "0", "limit", "50", "order", "user_id ASC", "rank", ""));

        JsonNode shown = dashboard.call("/admin/user/show/", sent("user_id", String.valueOf(userId),
                "include_deleted", true));
        assertThat(shown.get("id").asLong()).isEqualTo(userId);
        assertThat(shown.get("login").asText()).isEqualTo(login);
        assertThat(new BigDecimal(shown.get("credit").asText())).isEqualByComparingTo("99.5");

        dashboard.call("/admin/user/change_rank/", sent("user_id", String.valueOf(userId), "rank", "silver"));
        String password = dashboard.call("/admin/user/reset_pwd/", sent("email", login + "@example.com")).asText();
        assertThat(password).isNotBlank();

        dashboard.call("/admin/user/remove/", sent("user_id", String.valueOf(userId)));
        assertThat(dashboard.call("/admin/user/show/", sent("user_id", String.valueOf(userId),
                "include_deleted", true)).get("deleted").asBoolean()).isTrue();
        dashboard.call("/admin/user/restore/", sent("user_id", String.valueOf(userId)));
        JsonNode restored = dashboard.call("/admin/user/show/", sent("user_id", String.valueOf(userId),
                "include_deleted", true));
        assertThat(restored.get("deleted").asBoolean()).isFalse();
        assertThat(restored.get("rank").asText()).isEqualTo("silver");
    }

    @Test
    void creditAddedAndRemoved() {
        BigDecimal afterAdd = new BigDecimal(dashboard.call("/admin/user/credit/add/", sent("user_id",
                String.valueOf(userId), "nbr_coins", "5", "reason", "gift")).asText());
        assertThat(afterAdd).isEqualByComparingTo("104.5");
        BigDecimal afterRemoval = new BigDecimal(dashboard.call("/admin/user/credit/add/", sent("user_id",
                String.valueOf(userId), "nbr_coins", "-4.25", "reason", "credits removed")).asText());
        assertThat(afterRemoval).isEqualByComparingTo("100.25");

        JsonNode rows = dashboard.list("/admin/transactions/list/", sent("offset", "0", "limit", "10",
                "order", "id DESC", "user_id", String.valueOf(userId), "project_uid", "", "description", "",
                "job_id", ""));
        assertThat(new BigDecimal(rows.get(0).get("amount").asText())).isEqualByComparingTo("-4.25");
        assertThat(rows.get(0).get("description").asText()).isEqualTo("credits removed");
        // removing more than the balance holds is refused, and changes nothing
        assertThat(dashboard.refused("/admin/user/credit/add/", sent("user_id", String.valueOf(userId),
                "nbr_coins", "-1000", "reason", "too much"), 409)).contains("balance");
        assertThat(new BigDecimal(dashboard.call("/admin/user/show/", sent("user_id", String.valueOf(userId),
                "include_deleted", true)).get("credit").asText())).isEqualByComparingTo("100.25");
    }

    @Test
    void transactionsPage() {
        dashboard.call("/admin/user/credit/add/", sent("user_id", String.valueOf(userId), "nbr_coins", "7",
                "reason", "to cancel"));
        JsonNode rows = dashboard.list("/admin/transactions/list/", sent("offset", "0", "limit", "20",
                "order", "id DESC", "user_id", String.valueOf(userId), "project_uid", "", "description", "",
                "job_id", ""));
        JsonNode last = rows.get(0);
        for (String field : List.of("id", "user_id", "amount", "description", "date")) {
            assertThat(last.has(field)).as(field).isTrue();
        }
        dashboard.list("/admin/transactions/list/", sent("offset", "0", "limit", "20", "order", "id DESC",
                "user_id", "", "project_uid", projectUid, "description", "", "job_id", String.valueOf(jobId)));

        dashboard.call("/admin/transactions/cancel/", sent("transaction_ids", List.of(last.get("id").asText()),
                "reason", "by mistake"));
        JsonNode after = dashboard.list("/admin/transactions/list/", sent("offset", "0", "limit", "20",
                "order", "id DESC", "user_id", String.valueOf(userId)));
        assertThat(after.get(0).get("cancels").asLong()).isEqualTo(last.get("id").asLong());
    }

    @Test
    void projectPages() {
        JsonNode projects = dashboard.list("/admin/projects/list/", sent("offset", "0", "limit", "20",
                "order", "project_uid ASC", "status", "", "storage", "", "user_id", String.valueOf(userId),
                "date", String.valueOf(System.currentTimeMillis() / 1000 + 5)));
        assertThat(projects).hasSize(1);
        assertThat(projects.get(0).get("project_uid").asText()).isEqualTo(projectUid);

        JsonNode shown = dashboard.call("/admin/projects/show/", sent("project_uid", projectUid,
                "user_id", String.valueOf(userId), "include_deleted", true));
        assertThat(shown.get("project_uid").asText()).isEqualTo(projectUid);
        assertThat(shown.get("meshes").get(0).get("mesh_id").asLong()).isEqualTo(meshId);
        assertThat(shown.get("calculations").get(0).get("job_id").asLong()).isEqualTo(jobId);

        assertThat(dashboard.call("/admin/projects/file_url/", sent("project_uid", projectUid,
                "user_id", String.valueOf(userId), "file_id", String.valueOf(fileId))).asText()).contains("key=");
        assertThat(dashboard.call("/admin/projects/status/", sent("project_uid", projectUid,
                "user_id", String.valueOf(userId), "status", "analysed")).asText()).isEqualTo("analysed");
        assertThat(dashboard.call("/admin/meshes/status/", sent("project_uid", projectUid,
                "user_id", String.valueOf(userId), "mesh_id", String.valueOf(meshId), "status", "computed"))
                .asText()).isEqualTo("computed");
        assertThat(dashboard.call("/admin/calculations/status/", sent("project_uid", projectUid,
                "user_id", String.valueOf(userId), "calc_id", String.valueOf(jobId), "status", "computed"))
                .asText()).isEqualTo("computed");
        JsonNode changed = dashboard.call("/admin/projects/show/", sent("project_uid", projectUid,
                "user_id", String.valueOf(userId), "include_deleted", true));
        assertThat(changed.get("status").asText()).isEqualTo("analysed");
        assertThat(changed.get("meshes").get(0).get("status").asText()).isEqualTo("computed");
        assertThat(changed.get("calculations").get(0).get("status").asText()).isEqualTo("computed");

        dashboard.call("/admin/projects/remove/", sent("project_uid", projectUid, "user_id", String.valueOf(userId)));
        assertThat(dashboard.call("/admin/projects/show/", sent("project_uid", projectUid,
                "user_id", String.valueOf(userId), "include_deleted", true)).get("deleted").asBoolean()).isTrue();
    }

    @Test
    void anAdminsStatusChangeIsAnEventThatSaysWhoAndWhen() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        dashboard.call("/admin/meshes/status/", sent("project_uid", projectUid, "user_id", String.valueOf(userId),
                "mesh_id", String.valueOf(meshId), "status", "computed"));
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT meta_data, time_stamp FROM domain_event_entry"
                + " WHERE payload_type LIKE '%.MeshStatusChanged' AND aggregate_identifier LIKE ?", "%" + projectUid);
        assertThat(rows).hasSize(1);
        JsonNode metaData = JSON.readTree((byte[]) rows.get(0).get("meta_data"));
        assertThat(metaData.get("actor").asText()).isEqualTo("admin:admin");
        assertThat(java.time.Instant.parse((String) rows.get(0).get("time_stamp")).getEpochSecond())
                .isGreaterThanOrEqualTo(before);

        // every change says who made it: a grouped credit of the admin, a project made by the platform
        dashboard.call("/admin/user/credit/add/", sent("user_id", String.valueOf(userId), "nbr_coins", "1",
                "reason", "who"));
        assertThat(actorsOf("%.CreditAdded", "%:" + userId)).containsOnly("admin:admin");
        assertThat(actorsOf("%.ProjectCreated", "%" + projectUid)).containsExactly("service:scheduler");
    }

    private List<String> actorsOf(String payloadType, String aggregate) throws Exception {
        List<String> actors = new ArrayList<>();
        for (byte[] metaData : jdbc.queryForList("SELECT meta_data FROM domain_event_entry WHERE payload_type LIKE ?"
                + " AND aggregate_identifier LIKE ?", byte[].class, payloadType, aggregate)) {
            actors.add(JSON.readTree(metaData).path("actor").asText());
        }
        return actors;
    }

    @Test
    void catalogPages() {
        JsonNode providers = dashboard.list("/admin/providers/list/", sent());
        assertThat(names(providers, "name")).contains(provider);
        JsonNode all = dashboard.call("/admin/providers/list_all_machines/", sent());
        assertThat(all.isArray() || all.isObject()).isTrue();
        assertThat(all.toString()).contains(machine);

        String now = String.valueOf(System.currentTimeMillis() / 1000 + 5);
        JsonNode machines = dashboard.list("/admin/machines/list/", sent("provider_name", provider, "date", now));
        assertThat(names(machines, "name")).containsExactly(machine);
        JsonNode shown = dashboard.call("/admin/machines/show/", sent("provider_name", provider,
                "machine_name", machine));
        assertThat(shown.get("cores").asInt()).isEqualTo(4);
        assertThat(shown.get("prices").get("gold").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(dashboard.call("/admin/machines/list_toolchains/", sent("provider_name", provider,
                "machine_name", machine)).toString()).contains(toolchain);

        dashboard.call("/admin/machines/update/", machineFields(machine, "8"));
        assertThat(dashboard.call("/admin/machines/show/", sent("provider_name", provider, "machine_name", machine))
                .get("cores").asInt()).isEqualTo(8);
        dashboard.call("/admin/machines/create/", machineFields("c5.2xlarge", "8"));
        dashboard.call("/admin/machines/remove/", sent("provider_name", provider, "machine_name", "c5.2xlarge"));

        JsonNode constants = dashboard.call("/admin/reports/pricing_constants/", sent());
        assertThat(constants.isObject()).isTrue();
        JsonNode currencies = dashboard.call("/admin/currencies/", sent());
        assertThat(currencies.isObject() || currencies.isArray()).isTrue();
    }

    @Test
    void toolchainPages() throws Exception {
        assertThat(names(dashboard.list("/admin/toolchains/list/", sent()), "name")).contains(toolchain);
        assertThat(names(dashboard.list("/admin/toolchains/list/",
                sent("date", String.valueOf(System.currentTimeMillis() / 1000 + 5))), "name")).contains(toolchain);
        JsonNode shown = dashboard.call("/admin/toolchains/show/", sent("toolchain_name", toolchain));
        assertThat(shown.get("name").asText()).isEqualTo(toolchain);

        JsonNode machines = dashboard.call("/admin/toolchains/list_machines/", sent("toolchain_name", toolchain));
        assertThat(machines.get(provider)).hasSize(1);
        // the page edits what list_machines answered and sends it back
        @SuppressWarnings("unchecked")
        Map<String, Object> edited = JSON.treeToValue(machines, Map.class);
        dashboard.call("/admin/toolchains/update/", sent("toolchain_name", toolchain, "fixed_price", "0.75",
                "machine_limit", "3", "machines", edited));
        JsonNode updated = dashboard.call("/admin/toolchains/show/", sent("toolchain_name", toolchain));
        assertThat(updated.get("fixed_price").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(updated.get("machine_limit").asInt()).isEqualTo(3);
        // PHP encodes an emptied list as [] and a list with a removed element as an object
        dashboard.call("/admin/toolchains/update/", sent("toolchain_name", toolchain, "fixed_price", "0.75",
                "machine_limit", "3", "machines", Map.of(provider, Map.of("1", machine))));
        assertThat(dashboard.call("/admin/toolchains/list_machines/", sent("toolchain_name", toolchain))
                .get(provider)).hasSize(1);
        dashboard.call("/admin/toolchains/update/", sent("toolchain_name", toolchain, "fixed_price", "0.75",
                "machine_limit", "3", "machines", List.of()));
        assertThat(dashboard.call("/admin/toolchains/list_machines/", sent("toolchain_name", toolchain))
                .has(provider)).isFalse();
    }

    @Test
    void computationPages() {
        JsonNode jobs = dashboard.list("/admin/computations/list/", sent("offset", "0", "limit", "20",
                "order", "job_id DESC", "user_id", String.valueOf(userId), "project_uid", projectUid, "status", ""));
        assertThat(jobs).hasSize(1);
        for (String field : List.of("job_id", "login", "email", "project_uid", "status", "progress", "has_logs")) {
            assertThat(jobs.get(0).has(field)).as(field).isTrue();
        }
        JsonNode shown = dashboard.call("/admin/computations/show/", sent("job_id", String.valueOf(jobId)));
        assertThat(shown.get("job_id").asLong()).isEqualTo(jobId);
        assertThat(shown.get("user_id").asLong()).isEqualTo(userId);
        dashboard.call("/admin/computations/show_logs/", sent("job_id", String.valueOf(jobId)));
        dashboard.call("/admin/computations/kill/", sent("job_id", String.valueOf(jobId)));
        assertThat(dashboard.call("/admin/computations/show/", sent("job_id", String.valueOf(jobId)))
                .get("status").asText()).isIn("killed", "canceled");
    }

    @Test
    void searchBox() {
        JsonNode byLogin = dashboard.call("/admin/search/", sent("term", login));
        assertThat(ids(byLogin.get("users"), "id")).contains(String.valueOf(userId));
        JsonNode user = byLogin.get("users").get(0);
        assertThat(user.get("login").asText()).isEqualTo(login);
        assertThat(user.get("email").asText()).isEqualTo(login + "@example.com");

        assertThat(ids(dashboard.call("/admin/search/", sent("term", login + "@example.com")).get("users"), "id"))
                .contains(String.valueOf(userId));
        assertThat(ids(dashboard.call("/admin/search/", sent("term", String.valueOf(userId))).get("users"), "id"))
                .contains(String.valueOf(userId));
        JsonNode byProject = dashboard.call("/admin/search/", sent("term", projectUid));
        assertThat(ids(byProject.get("projects"), "uid")).containsExactly(projectUid);
        assertThat(byProject.get("projects").get(0).get("user_id").asLong()).isEqualTo(userId);
        assertThat(dashboard.call("/admin/search/", sent("term", unique("nobody"))).get("users")).isEmpty();
    }

    private Map<String, Object> machineFields(String name, String cores) {
        return sent("provider_name", provider, "machine_name", name, "cores", cores, "ram", "8192",
                "availability", "10", "price_sec_granularity", "60", "price_min_sec_granularity", "300",
                "cost_per_hour", "0.2", "cost_currency", "dollar", "cost_sec_granularity", "1",
                "cost_min_sec_granularity", "60", "auto_update", "0",
                "prices", Map.of("root", 0.0, "gold", 0.9, "silver", 1.0, "bronze", 1.2));
    }

    private static List<String> names(JsonNode rows, String field) {
        return ids(rows, field);
    }

    private static List<String> ids(JsonNode rows, String field) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(field).asText()));
        return values;
    }
}
