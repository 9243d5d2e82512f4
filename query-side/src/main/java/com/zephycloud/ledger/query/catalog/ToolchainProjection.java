package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.catalog.ToolchainCreated;
import com.zephycloud.ledger.kernel.events.catalog.ToolchainRemoved;
import com.zephycloud.ledger.kernel.events.catalog.ToolchainUpdated;
import com.zephycloud.ledger.query.common.AppliedEvents;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code catalog_toolchain_version} and its allowed machines; a toolchain's changes come in time
 * order (the aggregate's rule), so each one ends the open version and starts the next.
 * An event handled a second time is passed over ({@link AppliedEvents}): applied again, its changes
 * of validity ranges would not give the same tables.
 */
@ProcessingGroup(ToolchainProjection.PROCESSING_GROUP)
public class ToolchainProjection {

    public static final String PROCESSING_GROUP = "catalog-toolchains";

    private final JdbcTemplate jdbc;
    private final AppliedEvents applied;

    public ToolchainProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.applied = new AppliedEvents(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(ToolchainCreated event, @SourceId String aggregate, @SequenceNumber long sequence) {
        if (!applied.firstTime(aggregate, sequence)) {
            return;
        }
        append(event.toolchainId(), event.name(), event.fixedPrice(), event.machineLimit(), event.machines(),
                event.effectiveAt());
    }

    @EventHandler
    void on(ToolchainUpdated event, @SourceId String aggregate, @SequenceNumber long sequence) {
        if (!applied.firstTime(aggregate, sequence)) {
            return;
        }
        append(event.toolchainId(), event.name(), event.fixedPrice(), event.machineLimit(), event.machines(),
                event.effectiveAt());
    }

    @EventHandler
    void on(ToolchainRemoved event, @SourceId String aggregate, @SequenceNumber long sequence) {
        if (!applied.firstTime(aggregate, sequence)) {
            return;
        }
        close(event.toolchainId(), Micros.of(event.effectiveAt()));
    }

    @ResetHandler
    void reset() {
        applied.forget();
        ReadModelTables.empty(jdbc, "catalog_toolchain_machine", "catalog_toolchain_version");
    }

    private void append(long id, String name, Zephycoins fixedPrice, int machineLimit,
                        Map<String, List<String>> machines, Instant at) {
        long from = Micros.of(at);
        close(id, from);
        jdbc.update("INSERT INTO catalog_toolchain_version (toolchain_id, valid_from_us, name, fixed_price, machine_limit)"
                + " VALUES (?, ?, ?, ?, ?)", id, from, name, fixedPrice.value(), machineLimit);
        machines.forEach((provider, names) -> names.forEach(machine -> jdbc.update("INSERT INTO"
                + " catalog_toolchain_machine (toolchain_id, valid_from_us, provider, machine) VALUES (?, ?, ?, ?)",
                id, from, provider, machine)));
    }

    private void close(long id, long at) {
        jdbc.update("UPDATE catalog_toolchain_version SET valid_to_us = ? WHERE toolchain_id = ? AND valid_to_us IS NULL",
                at, id);
    }
}
