package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.MachineVersionRows;
import com.zephycloud.ledger.query.catalog.MachineProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * machines/show and machines/list answer settled versions from memory and everything else from
 * the read model.
 * The versions are written straight into the read model, with dates years back (the API refuses
 * back-dated changes); the test then changes rows behind the application's back: an answer
 * that does not follow the change came from memory.
 */
class SettledMachineVersionsApiTest extends ApiTest {

    private static final long JANUARY = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    private static final long FEBRUARY = Instant.parse("2020-02-01T00:00:00Z").getEpochSecond();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aVersionThatEndedLongAgoIsReadOnceAndTheCurrentOneEveryTime() {
        String provider = unique("settled").toLowerCase();
        insertVersion(provider, JANUARY, FEBRUARY, 2);
        insertVersion(provider, FEBRUARY, null, 3);

        assertThat(coresAt(provider, JANUARY + 86_400)).isEqualTo(2);
        assertThat(coresNow(provider)).isEqualTo(3);
        jdbc.update("UPDATE catalog_machine_version SET cores = cores * 10 WHERE provider = ?", provider);

        assertThat(coresAt(provider, JANUARY + 86_400)).as("settled: from memory").isEqualTo(2);
        assertThat(coresAt(provider, JANUARY)).as("the same version, at its first second").isEqualTo(2);
        assertThat(coresAt(provider, FEBRUARY)).as("the current version, kept for its settled part")
                .isEqualTo(3);
        newUser(unique("settled"), "1");
        assertThat(coresNow(provider)).as("now, once an event was stored since: from the read model").isEqualTo(30);
    }

    @Test
    void aListAtASettledDateTakesItsVersionsFromMemoryAndItsMachinesFromTheReadModel() {
        String provider = unique("settled").toLowerCase();
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws"))
                .ok();
        for (String machine : new String[]{"a", "b", "c"}) {
            insertVersion(provider, machine, JANUARY, null, 2);
            jdbc.update(MachineVersionRows.INSERT_OPEN_PERIOD, provider, machine, JANUARY * 1_000_000L);
        }
        assertThat(coresListedAt(provider, "name")).isEqualTo("a=2 b=2 c=2 total 3");
        jdbc.update("UPDATE catalog_machine_version SET cores = 7 WHERE provider = ? AND machine = 'b'", provider);
        insertVersion(provider, "d", JANUARY, null, 9);
        jdbc.update(MachineVersionRows.INSERT_OPEN_PERIOD, provider, "d", JANUARY * 1_000_000L);

        assertThat(coresListedAt(provider, "name")).as("versions kept, machines read")
                .isEqualTo("a=2 b=2 c=2 d=9 total 4");
        assertThat(coresListedAt(provider, "name DESC")).isEqualTo("d=9 c=2 b=2 a=2 total 4");
        assertThat(coresListedAt(provider, "cores DESC, name")).as("ordered by a version's field: read model")
                .isEqualTo("d=9 b=7 a=2 c=2 total 4");
    }

    private String coresListedAt(String provider, String order) {
        var listed = admin().post("/admin/machines/list/", params("provider_name", provider, "date", JANUARY + 86_400,
                "order", order));
        StringBuilder text = new StringBuilder();
        listed.ok().forEach(machine -> text.append(machine.get("name").asText()).append('=')
                .append(machine.get("cores").asInt()).append(' '));
        return text.append("total ").append(listed.total()).toString();
    }

    @Test
    void nothingIsKeptWhileTheMachinesProjectionIsBeingRebuilt() {
        String provider = unique("settled").toLowerCase();
        insertVersion(provider, JANUARY, FEBRUARY, 2);
        jdbc.update("INSERT INTO projection_rebuild (processor_name, started_at_us) VALUES (?, 0)",
                MachineProjection.PROCESSING_GROUP);
        try {
            assertThat(coresAt(provider, JANUARY)).isEqualTo(2);
            jdbc.update("UPDATE catalog_machine_version SET cores = 5 WHERE provider = ?", provider);
            assertThat(coresAt(provider, JANUARY)).isEqualTo(5);
        } finally {
            jdbc.update("DELETE FROM projection_rebuild WHERE processor_name = ?", MachineProjection.PROCESSING_GROUP);
        }
        assertThat(coresAt(provider, JANUARY)).isEqualTo(5);
        jdbc.update("UPDATE catalog_machine_version SET cores = 6 WHERE provider = ?", provider);
        assertThat(coresAt(provider, JANUARY)).as("kept once the rebuild is over").isEqualTo(5);
    }

    private void insertVersion(String provider, long fromSeconds, Long toSeconds, int cores) {
        insertVersion(provider, "m", fromSeconds, toSeconds, cores);
    }

    private void insertVersion(String provider, String machine, long fromSeconds, Long toSeconds, int cores) {
        jdbc.update(MachineVersionRows.INSERT_VERSION, provider, machine, fromSeconds * 1_000_000L,
                toSeconds == null ? null : toSeconds * 1_000_000L, cores, 8589934592L, 400, 1, 2, 3, 4, 60, 60, 0.025,
                "dollar", 1, 60, false);
    }

    private int coresAt(String provider, long date) {
        return admin().post("/admin/machines/show/", params("provider_name", provider, "machine_name", "m",
                "date", date)).ok().get("cores").asInt();
    }

    private int coresNow(String provider) {
        return admin().post("/admin/machines/show/", params("provider_name", provider, "machine_name", "m"))
                .ok().get("cores").asInt();
    }
}
