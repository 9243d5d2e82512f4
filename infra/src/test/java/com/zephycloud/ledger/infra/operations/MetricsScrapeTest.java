package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scrapes {@code /actuator/prometheus} as Prometheus would, before and after a few commands, and
 * checks that the values an operator watches move. Spring Boot's tests switch metrics export off
 * unless asked ({@link AutoConfigureObservability}); the application has a database of its own so
 * that the values depend on this test alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class MetricsScrapeTest {

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newUrl("metrics_");
        registry.add("spring.datasource.url", () -> url);
        TestDatabase.smallPool(registry);
        registry.add("zephy.admin.password", () -> TestDatabase.ADMIN_PASSWORD);
        registry.add("zephy.service.password", () -> TestDatabase.SERVICE_PASSWORD);
    }

    @Test
    void valuesMoveWithCommands() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        String before = scrape();
        long userId = admin.post("/admin/user/new/", ApiClient.params("login", "metricsuser",
                "email", "metrics@example.com", "pwd", "secret-password", "rank", "gold", "nbr_coins", "10")).ok().asLong();
        for (int i = 0; i < 3; i++) {
            admin.post("/admin/user/consume/", ApiClient.params("user_id", userId, "amount", "1",
                    "description", "metered " + i)).ok();
        }
        admin.post("/admin/user/consume/", ApiClient.params("user_id", userId, "amount", "1000",
                "description", "too much")).refused(409);
        Thread.sleep(600); // the gauges of one scrape are computed at most every 500 ms
        String after = scrape();

        assertThat(value(after, "zephy_commands_successCounter_total", "payloadType=\"ConsumeCredit\""))
                .isEqualTo(value(before, "zephy_commands_successCounter_total", "payloadType=\"ConsumeCredit\"") + 3);
        assertThat(value(after, "zephy_commands_failureCounter_total", "payloadType=\"ConsumeCredit\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(after, "zephy_commands_successCounter_total", "payloadType=\"RegisterUser\"")).isEqualTo(1);
        assertThat(value(after, "zephy_eventstore_head_position", ""))
                .isGreaterThanOrEqualTo(value(before, "zephy_eventstore_head_position", "") + 4);
        assertThat(value(after, "http_server_requests_seconds_count",
                "method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/admin/user/consume\"")).isEqualTo(3);
        assertThat(value(after, "zephy_group_commit_batch_size_count", ""))
                .isGreaterThan(value(before, "zephy_group_commit_batch_size_count", ""));
        assertThat(value(after, "zephy_processor_lag_events", "processor=\"users\"")).isGreaterThanOrEqualTo(0);
        assertThat(after).contains("zephy_processor_lag_seconds{", "zephy_billing_due_slices",
                "zephy_billing_oldest_due_age_seconds", "zephy_rebuild_running", "zephy_rebuild_events_done");
    }

    @Test
    void lagAndBillingBacklogShowWorkWaiting() throws Exception {
        long now = System.currentTimeMillis() * 1000;
        jdbc.update("INSERT INTO billing_schedule (job_id, next_slice, due_us) VALUES (?, 1, ?)", 987_654L,
                now - 90_000_000L);
        try {
            Thread.sleep(600);
            String scrape = scrape();
            assertThat(value(scrape, "zephy_billing_due_slices", "")).isEqualTo(1);
            assertThat(value(scrape, "zephy_billing_oldest_due_age_seconds", "")).isBetween(89.0, 120.0);
        } finally {
            jdbc.update("DELETE FROM billing_schedule WHERE job_id = 987654");
        }
    }

    private String scrape() {
        return ApiClient.admin(port).get("/actuator/prometheus", Map.of()).body().asText();
    }

    /** The value of the sample of {@code name} whose labels contain {@code labels}; 0 when there is none. */
    private static double value(String scrape, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        while (sample.find()) {
            if (sample.group(1) == null ? labels.isEmpty() : sample.group(1).contains(labels)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }
}
