package com.zephycloud.ledger.infra.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Liveness, readiness and their components, as a load balancer and an admin see them. */
class HealthEndpointsTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    private ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

    @Test
    void probesAnswerWithoutCredentialsAndShowNoDetails() {
        ApiResult liveness = anonymous().get("/actuator/health/liveness", Map.of());
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body().path("status").asText()).isEqualTo("UP");

        ApiResult readiness = anonymous().get("/actuator/health/readiness", Map.of());
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.body().path("components");
        assertThat(components.fieldNames()).toIterable()
                .contains("readinessState", "db", "migrations", "rebuild", "processors");
        assertThat(components.path("db").has("details")).isFalse();
        assertThat(components.path("processors").path("components").has("users")).isTrue();
    }

    @Test
    void theAdminSeesTheDetailsOfEachComponent() {
        JsonNode components = admin().get("/actuator/health/readiness", Map.of()).body().path("components");
        assertThat(components.path("db").path("details").has("database")).isTrue();
        JsonNode users = components.path("processors").path("components").path("users");
        assertThat(users.path("status").asText()).isEqualTo("UP");
        assertThat(users.path("details").path("type").asText()).isEqualTo("streaming");
        assertThat(components.path("migrations").path("details").path("pending").isEmpty()).isTrue();
    }

    @Test
    void metricsRefuseOtherCredentials() {
        assertThat(anonymous().get("/actuator/prometheus", Map.of()).refused(401)).isNotEmpty();
        assertThat(service().get("/actuator/prometheus", Map.of()).refused(401)).isNotEmpty();
    }

    @Test
    void aRebuildInProgressTakesTheInstanceOutOfService() {
        jdbc.update("INSERT INTO projection_rebuild (processor_name, started_at_us) VALUES ('users', 1)");
        try {
            ApiResult readiness = admin().get("/actuator/health/readiness", Map.of());
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(readiness.body().path("components").path("rebuild").path("details").path("rebuilding")
                    .toString()).isEqualTo("[\"users\"]");
            assertThat(anonymous().get("/actuator/health/liveness", Map.of()).status()).isEqualTo(200);
        } finally {
            jdbc.update("DELETE FROM projection_rebuild WHERE processor_name = 'users'");
        }
        assertThat(anonymous().get("/actuator/health/readiness", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aDatabaseMissingMigrationsIsNotReady() {
        String url = TestDatabase.newUrl("migrations_health_");
        Flyway flyway = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load();
        MigrationsHealth health = new MigrationsHealth(flyway);
        assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(health.health().getDetails().get("pending").toString()).contains("46");
        flyway.migrate();
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    }
}
