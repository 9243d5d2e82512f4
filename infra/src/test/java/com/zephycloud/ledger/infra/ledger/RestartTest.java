package com.zephycloud.ledger.infra.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.LedgerApplication;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/** Stopping and starting the server loses nothing, and the read models answer the same. */
class RestartTest {

    private static final String DATABASE = "restart_" + Long.toString(System.nanoTime(), 36);

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url(DATABASE),
                "--zephy.admin.password=" + TestDatabase.ADMIN_PASSWORD,
                "--zephy.service.password=" + TestDatabase.SERVICE_PASSWORD);
    }

    private static ApiClient admin(ConfigurableApplicationContext app) {
        return ApiClient.admin(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    private static List<JsonNode> snapshot(ApiClient admin, long userId) {
        return List.of(
                admin.get("/admin/users/", params("order", "user_id ASC")).ok(),
                admin.get("/admin/transactions/list/", params("order", "id ASC")).ok(),
                admin.get("/admin/user/balance_history/", params("user_id", userId)).ok(),
                admin.post("/admin/user/show/", params("user_id", userId)).ok());
    }

    @Test
    void restartingLosesNothing() {
        long userId;
        List<JsonNode> before;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient admin = admin(first);
            userId = admin.post("/admin/user/new/", params("login", "durable", "email", "durable@example.com",
                    "pwd", "pw", "rank", "silver", "nbr_coins", "50")).ok().asLong();
            for (int i = 1; i <= 20; i++) {
                admin.post("/admin/user/consume/", params("user_id", userId, "amount", "0.5", "description", "job " + i)).ok();
            }
            admin.post("/admin/user/change_rank/", params("user_id", userId, "rank", "gold")).ok();
            before = snapshot(admin, userId);
        }
        try (ConfigurableApplicationContext second = start()) {
            ApiClient admin = admin(second);
            assertThat(snapshot(admin, userId)).isEqualTo(before);
            assertThat(admin.post("/admin/user/show/", params("user_id", userId)).ok().get("credit").asText())
                    .isEqualTo("40");
            // the account keeps working on the reloaded aggregate
            admin.post("/admin/user/consume/", params("user_id", userId, "amount", "40", "description", "all")).ok();
            admin.post("/admin/user/consume/", params("user_id", userId, "amount", "0.00000001",
                    "description", "over")).refused(409);
        }
    }
}
