package com.zephycloud.ledger.infra.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zephycloud.ledger.infra.LedgerApplication;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot of the account taken before it held limits (no revision, no {@code limits} field) is
 * not used after an upgrade: the account is rebuilt from its events, so its limit still holds and
 * its balance is the one its events say, not the snapshot's.
 */
class AccountSnapshotUpgradeTest {

    private static final String DATABASE = "snapshot_upgrade_" + Long.toString(System.nanoTime(), 36);

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url(DATABASE),
                "--spring.datasource.hikari.minimum-idle=1",
                "--zephy.admin.password=" + TestDatabase.ADMIN_PASSWORD,
                "--zephy.service.password=" + TestDatabase.SERVICE_PASSWORD);
    }

    private static ApiClient admin(ConfigurableApplicationContext app) {
        return ApiClient.admin(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @Test
    void aSnapshotOfTheAccountBeforeItHadLimitsIsSkipped() throws Exception {
        long userId;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient admin = admin(first);
            userId = admin.post("/admin/user/new/", params("login", "snapshotted", "email", "snapshotted@example.com",
                    "pwd", "pw", "rank", "gold", "nbr_coins", "1000")).ok().asLong();
            admin.post("/admin/user/limits/set/", params("user_id", userId, "monthly_spend_limit", "200")).ok();
            for (int i = 0; i < 260; i++) {
                admin.post("/admin/user/consume/", params("user_id", userId, "amount", "0.5", "description", "job")).ok();
            }
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            long deadline = System.currentTimeMillis() + 20_000;
            while (jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                    Long.class, "user:" + userId) == 0) {
                assertThat(System.currentTimeMillis()).as("no snapshot taken").isLessThan(deadline);
                Thread.sleep(100);
            }
            Map<String, Object> row = jdbc.queryForMap("SELECT payload FROM snapshot_event_entry"
                    + " WHERE aggregate_identifier = ?", "user:" + userId);
            ObjectMapper json = new ObjectMapper();
            ObjectNode old = (ObjectNode) json.readTree((byte[]) row.get("payload"));
            assertThat(old.has("limits")).isTrue();
            old.remove("limits");
            old.put("balance", 999_999);
            jdbc.update("UPDATE snapshot_event_entry SET payload = ?, payload_revision = NULL"
                    + " WHERE aggregate_identifier = ?", json.writeValueAsBytes(old), "user:" + userId);
        }
        try (ConfigurableApplicationContext second = start()) {
            ApiClient admin = admin(second);
            // 130 spent of 200: 70 more may be spent this month, not 70.5
            assertThat(admin.post("/admin/user/consume/", params("user_id", userId, "amount", "70.5",
                    "description", "over")).refused(409).get(0)).startsWith("monthly spend limit exceeded");
            assertThat(admin.post("/admin/user/credit/add/", params("user_id", userId, "nbr_coins", "1",
                    "reason", "check")).ok().asText()).isEqualTo("871");
            admin.post("/admin/user/consume/", params("user_id", userId, "amount", "70", "description", "last")).ok();
        }
    }
}
