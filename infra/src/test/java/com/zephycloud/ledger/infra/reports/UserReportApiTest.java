package com.zephycloud.ledger.infra.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.HistoryWriter;
import com.zephycloud.ledger.infra.support.LedgerHistory;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

class UserReportApiTest extends HistoryWriter {

    /** 2025-03-01T00:00:00Z */
    private static final Instant DAY = Instant.ofEpochSecond(1_740_787_200L);
    private static final long H = 3600;

    private static ChargeContext slice(String project, String coresPerSec) {
        return new ChargeContext(project, 54L, null, null, new BigDecimal(coresPerSec), null, null);
    }

    /** Five days of one user's history; answers its user id and project. */
    private long[] fiveDays(String project) {
        LedgerHistory h = history("reported", DAY);
        h.add("500", "Initial credit for users", DAY.plusSeconds(H));
        h.consume("0.5", "Analysis fixed cost", ChargeCategory.FIXED_PRICE, ChargeContext.project(project),
                DAY.plusSeconds(24 * H + 10 * H));
        h.consume("2", "Computation", ChargeCategory.COMPUTATION, slice(project, "3600"), DAY.plusSeconds(48 * H));
        var third = h.consume("3", "Computation", ChargeCategory.COMPUTATION, slice(project, "5400"),
                DAY.plusSeconds(72 * H + 5));
        h.consume("1.25", "Storage", ChargeCategory.STORAGE,
                new ChargeContext(project + "-s", null, null, null, null, 2, 1), DAY.plusSeconds(72 * H + 7));
        h.cancel(third, Zephycoins.of("-3"), ChargeCategory.COMPUTATION, slice(project, "5400"), "Refund",
                DAY.plusSeconds(96 * H));
        store(h);
        return new long[]{h.userId().value()};
    }

    private static long at(long hours) {
        return DAY.getEpochSecond() + hours * H;
    }

    @Test
    void detailsAreGroupedByDescriptionAndProjectOverTheWindowFromExcludedToIncluded() {
        String project = unique("proj");
        long user = fiveDays(project)[0];

        // from is the instant of the fixed cost: it is excluded; to is the storage's second: included
        JsonNode report = admin().post("/admin/user/report/", params("user_id", user,
                "from", at(34), "to", at(72) + 7)).ok();

        assertThat(report.get("user_id").asLong()).isEqualTo(user);
        assertThat(decimal(report.get("previous_balance"))).isEqualByComparingTo("499.5");
        assertThat(decimal(report.get("current_balance"))).isEqualByComparingTo("493.25");
        JsonNode details = report.get("details");
        assertThat(details).hasSize(2);
        // default order: project, then description
        assertThat(details.get(0).get("project").asText()).isEqualTo(project);
        assertThat(details.get(0).get("description").asText()).isEqualTo("Computation");
        assertThat(decimal(details.get(0).get("amount"))).isEqualByComparingTo("-5");
        assertThat(decimal(details.get(0).get("date"))).isEqualByComparingTo(Long.toString(at(72) + 5));
        assertThat(decimal(details.get(0).get("cores_per_sec"))).isEqualByComparingTo("9000");
        assertThat(details.get(0).get("calc_count").isNull()).isTrue();
        assertThat(details.get(1).get("project").asText()).isEqualTo(project + "-s");
        assertThat(decimal(details.get(1).get("amount"))).isEqualByComparingTo("-1.25");
        assertThat(details.get(1).get("calc_count").asLong()).isEqualTo(2);
        assertThat(details.get(1).get("mesh_count").asLong()).isEqualTo(1);
        assertBalanceIdentity(report);
    }

    @Test
    void aWindowOverManyDaysNetsACancellationAndKeepsTheIdentity() {
        String project = unique("proj");
        long user = fiveDays(project)[0];

        JsonNode report = admin().post("/admin/user/report/", params("user_id", user, "from", 0,
                "to", at(24 * 10), "order", "date")).ok();

        assertThat(decimal(report.get("previous_balance"))).isZero();
        assertThat(decimal(report.get("current_balance"))).isEqualByComparingTo("496.25");
        List<String> descriptions = new ArrayList<>();
        report.get("details").forEach(d -> descriptions.add(d.get("description").asText()));
        assertThat(descriptions).containsExactly("Initial credit for users", "Analysis fixed cost", "Computation",
                "Storage", "Refund");
        assertBalanceIdentity(report);
    }

    @Test
    void orderByDescription() {
        long user = fiveDays(unique("proj"))[0];
        JsonNode details = admin().post("/admin/user/report/", params("user_id", user, "from", 0,
                "to", at(240), "order", "description DESC")).ok().get("details");
        List<String> descriptions = new ArrayList<>();
        details.forEach(d -> descriptions.add(d.get("description").asText()));
        assertThat(descriptions).containsExactly("Storage", "Refund", "Initial credit for users", "Computation",
                "Analysis fixed cost");
    }

    @Test
    void anEmptyWindowHasNoDetailsAndEqualBalances() {
        long user = fiveDays(unique("proj"))[0];
        JsonNode report = admin().post("/admin/user/report/", params("user_id", user, "from", at(50),
                "to", at(50))).ok();
        assertThat(report.get("details")).isEmpty();
        assertThat(decimal(report.get("previous_balance"))).isEqualByComparingTo("497.5");
        assertThat(decimal(report.get("current_balance"))).isEqualByComparingTo("497.5");
    }

    @Test
    void theAllUsersReportShowsTheSameReportForEachUser() {
        long user = fiveDays(unique("proj"))[0];
        var window = params("from", at(30), "to", at(100));
        JsonNode single = admin().post("/admin/user/report/", params("user_id", user, "from", at(30),
                "to", at(100))).ok();

        var all = admin().post("/admin/reports/users/", window);
        JsonNode found = null;
        for (JsonNode report : all.ok()) {
            assertBalanceIdentity(report);
            if (report.get("user_id").asLong() == user) {
                found = report;
            }
        }
        assertThat(found).isEqualTo(single);
        assertThat(all.total()).isGreaterThanOrEqualTo(all.data().size());
    }

    @Test
    void theAllUsersReportPagesByUserId() {
        fiveDays(unique("proj"));
        fiveDays(unique("proj"));
        JsonNode page = admin().post("/admin/reports/users/", params("from", 0, "limit", 1, "offset", 1)).ok();
        JsonNode firstTwo = admin().post("/admin/reports/users/", params("from", 0, "limit", 2)).ok();
        assertThat(page).hasSize(1);
        assertThat(page.get(0).get("user_id")).isEqualTo(firstTwo.get(1).get("user_id"));
    }

    @Test
    void badRequestsAreRefusedNamingTheParameter() {
        assertThat(admin().post("/admin/user/report/", params("from", 0)).refused(400))
                .containsExactly("user_id: is required, expected a positive integer");
        assertThat(admin().post("/admin/user/report/", params("user_id", 1, "from", 10, "to", 5)).refused(400))
                .containsExactly("from: must not be after to (5)");
        assertThat(admin().post("/admin/user/report/", params("user_id", 1, "order", "amount")).refused(400))
                .containsExactly("order: cannot order by 'amount'; allowed fields: project, date, description");
        assertThat(admin().post("/admin/reports/users/", params("from", "yesterday")).refused(400))
                .containsExactly("from: expected an integer, got 'yesterday'");
        assertThat(admin().post("/admin/reports/users/", params("user", 3)).refused(400).get(0))
                .startsWith("user: unknown parameter");
    }

    @Test
    void theReportOfAnUnknownUserIsA404() {
        assertThat(admin().post("/admin/user/report/", params("user_id", 987_654_321, "from", 0)).refused(404))
                .containsExactly("no user with user_id 987654321");
    }

    @Test
    void aUserReportOfCommandsSentThroughTheApi() {
        long user = newUser(unique("api"), "100");
        admin().post("/admin/user/consume/", params("user_id", user, "amount", "12.5", "description", "Storage"))
                .ok();
        JsonNode report = admin().post("/admin/user/report/", params("user_id", user, "from", 0)).ok();
        assertThat(decimal(report.get("current_balance"))).isEqualByComparingTo("87.5");
        assertThat(report.get("details")).hasSize(2);
        assertBalanceIdentity(report);
    }

    static void assertBalanceIdentity(JsonNode report) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode detail : report.get("details")) {
            sum = sum.add(decimal(detail.get("amount")));
        }
        assertThat(decimal(report.get("current_balance")))
                .as("current_balance = previous_balance + sum of details in %s", report)
                .isEqualByComparingTo(decimal(report.get("previous_balance")).add(sum));
    }
}
