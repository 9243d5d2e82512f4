package com.zephycloud.ledger.infra.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.computations.CatalogTestDouble;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application of the spend-limit tests (docs/ledger.md, "Spend limits and low balance"): a
 * database of its own with the catalog's test double, so that a computation's slices are billed by
 * this application's workers alone. Its subclasses share it (one Spring context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CatalogTestDouble.class)
abstract class AccountLimitsApplication {

    static final String SET = "/admin/user/limits/set/";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String DATABASE = "limits_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
        for (String setting : TestDatabase.SMALL_POOL) {
            String[] keyAndValue = setting.split("=", 2);
            registry.add(keyAndValue[0], () -> keyAndValue[1]);
        }
        registry.add("zephy.admin.password", () -> TestDatabase.ADMIN_PASSWORD);
        registry.add("zephy.service.password", () -> TestDatabase.SERVICE_PASSWORD);
    }

    ApiClient admin() {
        return ApiClient.admin(port);
    }

    static String unique(String prefix) {
        StringBuilder suffix = new StringBuilder();
        for (long value = System.nanoTime() % 1_000_000_000L * 100 + COUNTER.incrementAndGet(); value > 0; value /= 26) {
            suffix.append((char) ('a' + value % 26));
        }
        return prefix + suffix;
    }

    long newUser(String login, String coins) {
        return admin().post("/admin/user/new/", params("login", login, "email", login + "@example.com",
                "pwd", "secret-password", "rank", "gold", "nbr_coins", coins)).ok().asLong();
    }

    JsonNode show(long userId) {
        return admin().post("/admin/user/show/", params("user_id", String.valueOf(userId))).ok();
    }

    ApiResult consume(long userId, String amount) {
        return admin().post("/admin/user/consume/", params("user_id", String.valueOf(userId), "amount", amount,
                "description", "render"));
    }

    /** The user's published events of {@code type}, from the event feed. */
    JsonNode feed(long userId, String type) {
        return ApiClient.service(port).get("/service/events/list", params("user_id", userId, "type", type))
                .ok().get("events");
    }

    static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.get()) {
            assertThat(System.currentTimeMillis()).as("condition not reached in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
