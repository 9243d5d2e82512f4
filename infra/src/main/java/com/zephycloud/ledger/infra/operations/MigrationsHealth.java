package com.zephycloud.ledger.infra.operations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;

import java.util.Arrays;

/**
 * DOWN while the database lacks migrations this version of the application has. At start the
 * migrations run before the server listens, so no request arrives meanwhile; this catches the
 * schema being changed under a running instance (another instance migrating, a restored backup).
 */
final class MigrationsHealth extends AbstractHealthIndicator {

    private final Flyway flyway;

    MigrationsHealth(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        MigrationInfoService info = flyway.info();
        MigrationInfo[] pending = info.pending();
        MigrationInfo current = info.current();
        (pending.length == 0 ? health.up() : health.down())
                .withDetail("current", current == null ? "none" : current.getVersion().getVersion())
                .withDetail("pending", Arrays.stream(pending).map(migration -> migration.getVersion().getVersion())
                        .toList());
    }
}
