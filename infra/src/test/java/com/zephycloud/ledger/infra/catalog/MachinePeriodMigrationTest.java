package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.infra.support.MachineVersionRows;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** V11 derives the periods a machine is offered in from the versions V10 stored. */
class MachinePeriodMigrationTest {

    @Test
    void periodsAreTheRunsOfVersionsThatFollowEachOther() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                TestDatabase.newUrl("periods_"));
        migrate(database, "10");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        version(jdbc, "kept", 100, 200L);
        version(jdbc, "kept", 200, null);
        version(jdbc, "removed", 100, 200L);
        version(jdbc, "removed", 200, 300L);
        version(jdbc, "again", 100, 200L);
        version(jdbc, "again", 300, 400L);
        version(jdbc, "again", 400, null);

        migrate(database, "11");

        assertThat(jdbc.query("SELECT machine, valid_from_us, valid_to_us FROM catalog_machine_period"
                        + " ORDER BY machine, valid_from_us",
                (row, n) -> row.getString(1) + " " + row.getLong(2) + "-" + row.getObject(3)))
                .isEqualTo(List.of("again 100-200", "again 300-null", "kept 100-null", "removed 100-300"));
    }

    private static void migrate(DriverManagerDataSource database, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
    }

    private static void version(JdbcTemplate jdbc, String machine, long from, Long to) {
        jdbc.update(MachineVersionRows.INSERT_VERSION, "p", machine, from, to, 4, 1, 1, 1, 2, 4, 10, 1, 1, 0.1, "euro", 1,
                1, false);
    }
}
