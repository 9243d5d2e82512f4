package com.zephycloud.ledger.infra.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * OUT_OF_SERVICE while a projection rebuild is in progress, on this instance or another one: the
 * {@code projection_rebuild} table lists the projections whose tables were emptied and are not
 * caught up yet, and the tables are shared, so every instance would answer from them.
 */
final class RebuildHealth extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    RebuildHealth(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A failing query makes it DOWN, with the error (AbstractHealthIndicator). */
    @Override
    protected void doHealthCheck(Health.Builder health) {
        List<String> rebuilding = jdbc.queryForList(
                "SELECT processor_name FROM projection_rebuild ORDER BY processor_name", String.class);
        (rebuilding.isEmpty() ? health.up() : health.outOfService()).withDetail("rebuilding", rebuilding);
    }
}
