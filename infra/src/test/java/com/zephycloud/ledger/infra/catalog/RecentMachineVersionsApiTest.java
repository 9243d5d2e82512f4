package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Map;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * machines/show without a date reuses a version read at the event store's current head, and
 * never once an event has been stored since or past the end of the version's range. Rows changed
 * behind the application's back tell an answer from memory from one read.
 */
class RecentMachineVersionsApiTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    private String machine(Object... extra) {
        String provider = unique("recent").toLowerCase();
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws"))
                .ok();
        Map<String, Object> machine = params("provider_name", provider, "machine_name", "m", "cores", 4,
                "ram", 8589934592L, "availability", 400, "prices", Map.of("root", 0.19, "gold", 0.38, "silver", 0.76, "bronze", 1.9), "price_sec_granularity", 500,
                "price_min_sec_granularity", 500, "cost_per_hour", 0.025, "cost_currency", "dollar",
                "cost_sec_granularity", 1, "cost_min_sec_granularity", 60, "auto_update", false);
        machine.putAll(params(extra));
        admin().post("/admin/machines/create/", machine).ok();
        return provider;
    }

    private int coresNow(String provider) {
        return admin().post("/admin/machines/show/", params("provider_name", provider, "machine_name", "m"))
                .ok().get("cores").asInt();
    }

    @Test
    void theCurrentVersionIsReusedUntilAnEventIsStored() {
        String provider = machine();
        assertThat(coresNow(provider)).isEqualTo(4);
        jdbc.update("UPDATE catalog_machine_version SET cores = 40 WHERE provider = ?", provider);

        assertThat(coresNow(provider)).as("nothing stored since the read: from memory").isEqualTo(4);
        newUser(unique("recent"), "1");
        assertThat(coresNow(provider)).as("an event stored since: from the read model").isEqualTo(40);
    }

    @Test
    void aChangeOnThisInstanceIsSeenByTheNextShow() {
        String provider = machine();
        assertThat(coresNow(provider)).isEqualTo(4);
        for (int cores = 5; cores < 15; cores++) {
            admin().post("/admin/machines/update/", params("provider_name", provider, "machine_name", "m",
                    "cores", cores)).ok();
            assertThat(coresNow(provider)).isEqualTo(cores);
        }
        admin().post("/admin/machines/remove/", params("provider_name", provider, "machine_name", "m")).ok();
        admin().post("/admin/machines/show/", params("provider_name", provider, "machine_name", "m")).refused(404);
    }

    @Test
    void aScheduledChangeIsSeenWhenItTakesEffect() throws InterruptedException {
        String provider = machine();
        long effective = Instant.now().getEpochSecond() + 2;
        admin().post("/admin/machines/update/", params("provider_name", provider, "machine_name", "m",
                "cores", 8, "effective_date", effective)).ok();
        assertThat(coresNow(provider)).as("read from the read model, valid until the change").isEqualTo(4);

        // asked before the change with a margin (a loaded machine may take long to answer), then after it
        Instant change = Instant.ofEpochSecond(effective);
        while (Instant.now().isBefore(change.minusMillis(500))) {
            assertThat(coresNow(provider)).isEqualTo(4);
            Thread.sleep(50);
        }
        while (!Instant.now().isAfter(change)) {
            Thread.sleep(20);
        }
        assertThat(coresNow(provider)).isEqualTo(8);
    }
}
