package com.zephycloud.ledger.infra.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.infra.support.CuttableTcpProxy;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness goes DOWN, naming what failed, when the database becomes unreachable or a projection
 * fails on an event, and comes back once the cause is gone. The application reaches its database
 * through a TCP relay the test can cut; on the embedded database, through H2's TCP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReadinessOnFailuresTest {

    private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+)(?::(\\d+))?/");
    private static Server h2;
    private static CuttableTcpProxy proxy;

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void databaseBehindARelay(DynamicPropertyRegistry registry) throws Exception {
        String name = "readiness_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String direct = TestDatabase.url(name);
        String url;
        if (TestDatabase.isPostgres()) {
            Matcher hostPort = HOST_PORT.matcher(direct);
            assertThat(hostPort.find()).isTrue();
            proxy = new CuttableTcpProxy(hostPort.group(1),
                    hostPort.group(2) == null ? 5432 : Integer.parseInt(hostPort.group(2))).start();
            url = hostPort.replaceFirst("//127.0.0.1:" + proxy.port() + "/");
        } else {
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            proxy = new CuttableTcpProxy("127.0.0.1", h2.getPort()).start();
            url = "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        }
        registry.add("spring.datasource.url", () -> url);
        TestDatabase.smallPool(registry);
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
        registry.add("spring.datasource.hikari.validation-timeout", () -> "500");
        registry.add("zephy.admin.password", () -> TestDatabase.ADMIN_PASSWORD);
        registry.add("zephy.service.password", () -> TestDatabase.SERVICE_PASSWORD);
    }

    @AfterAll
    static void stopServers() throws Exception {
        proxy.close();
        if (h2 != null) {
            h2.stop();
        }
    }

    @Test
    void anUnreachableDatabaseMakesReadinessDown() throws Exception {
        awaitReadiness(200, body -> true);
        proxy.cut();
        try {
            ApiResult down = awaitReadiness(503, body -> body.path("components").path("db").path("status")
                    .asText().equals("DOWN"));
            assertThat(down.body().path("status").asText()).isEqualTo("DOWN");
            assertThat(ApiClient.anonymous(port).get("/actuator/health/liveness", Map.of()).status()).isEqualTo(200);
        } finally {
            proxy.restore();
        }
        awaitReadiness(200, body -> true);
    }

    @Test
    void whileTheDatabaseIsUnreachableRequestsAreA503AndNothingIsStored() throws Exception {
        awaitReadiness(200, body -> true);
        ApiClient admin = ApiClient.admin(port);
        long userId = admin.post("/admin/user/new/", ApiClient.params("login", "outage", "email", "outage@example.com",
                "pwd", "secret-password", "rank", "gold", "nbr_coins", "10")).ok().asLong();
        proxy.cut();
        try {
            awaitReadiness(503, body -> true);
            // each pooled connection fails at its first use after the cut; new ones cannot be made
            for (int attempt = 0; attempt < 3; attempt++) {
                ApiResult consume = admin.post("/admin/user/consume/", ApiClient.params("user_id", userId,
                        "amount", "1", "description", "during the outage"));
                assertThat(consume.refused(503)).singleElement().asString().contains("database");
                assertThat(admin.get("/admin/users/", Map.of()).refused(503)).singleElement().asString()
                        .contains("database");
            }
        } finally {
            proxy.restore();
        }
        awaitReadiness(200, body -> true);
        assertThat(admin.post("/admin/user/show/", ApiClient.params("user_id", userId)).ok().path("credit")
                .decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void aProjectionInErrorMakesReadinessDownWithItsNameAndError() {
        awaitReadiness(200, body -> true);
        jdbc.execute("ALTER TABLE users RENAME TO users_moved_away");
        try {
            ApiClient.admin(port).post("/admin/user/new/", ApiClient.params("login", "brokenprojection",
                    "email", "broken@example.com", "pwd", "secret-password", "rank", "gold")).ok();
            ApiResult down = awaitReadiness(503, body -> body.path("components").path("processors")
                    .path("components").path("users").path("status").asText().equals("DOWN"));
            JsonNode users = down.body().path("components").path("processors").path("components").path("users");
            assertThat(users.path("details").path("error").asText()).containsIgnoringCase("users");
            assertThat(down.body().path("components").path("processors").path("components").path("projects")
                    .path("status").asText()).isEqualTo("UP");
        } finally {
            jdbc.execute("ALTER TABLE users_moved_away RENAME TO users");
        }
        awaitReadiness(200, body -> true);
    }

    private ApiResult awaitReadiness(int status, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ApiResult last;
        do {
            last = ApiClient.admin(port).get("/actuator/health/readiness", Map.of());
            if (last.status() == status && condition.test(last.body())) {
                return last;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("readiness never answered " + status + " as expected; last: " + last.status()
                + " " + last.body());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
