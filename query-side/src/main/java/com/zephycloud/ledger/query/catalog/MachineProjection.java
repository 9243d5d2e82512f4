package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.catalog.MachineSpec;
import com.zephycloud.ledger.kernel.events.catalog.MachineCreated;
import com.zephycloud.ledger.kernel.events.catalog.MachineRemoved;
import com.zephycloud.ledger.kernel.events.catalog.MachineRepriced;
import com.zephycloud.ledger.kernel.events.catalog.MachineUpdated;
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
 * {@code catalog_machine_version}: every version of every machine with its validity range.
 * A version event says "from E on, the machine is S": it replaces the version starting at E, or
 * splits the version valid at E; a removal at R ends the version valid at R and drops later ones.
 * {@code catalog_machine_period}: the periods in which a machine is offered, from a creation to
 * the removal that follows it (the versions in between cover the period without gaps).
 * An event handled a second time is passed over ({@link AppliedEvents}): applied again, its changes
 * of validity ranges would not give the same tables.
 */
@ProcessingGroup(MachineProjection.PROCESSING_GROUP)
public class MachineProjection {

    public static final String PROCESSING_GROUP = "catalog-machines";

    private static final String KEY = " WHERE provider = ? AND machine = ?";

    private final JdbcTemplate jdbc;
    private final AppliedEvents applied;

    public MachineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.applied = new AppliedEvents(jdbc, PROCESSING_GROUP);
    }

    /** A machine is created only where it is not offered (never, or removed before), with no later version. */
    @EventHandler
    void on(MachineCreated event, @SourceId String aggregate, @SequenceNumber long sequence) {
        if (!applied.firstTime(aggregate, sequence)) {
            return;
        }
        jdbc.update("INSERT INTO catalog_machine_period (provider, machine, valid_from_us, valid_to_us)"
                + " VALUES (?, ?, ?, NULL)", event.provider(), event.machine(), Micros.of(event.effectiveAt()));
        setVersion(event.provider(), event.machine(), event.effectiveAt(), event.spec());
    }

    @EventHandler
    void on(MachineUpdated event, @SourceId String aggregate, @SequenceNumber long sequence) {
        if (!applied.firstTime(aggregate, sequence)) {
            return;
        }
        setVersion(event.provider(), event.machine(), event.effectiveAt(), event.spec());
    }

    @EventHandler
    void on(MachineRepriced event, @SourceId String aggregate, @SequenceNumber long sequence) {
        if (!applied.firstTime(aggregate, sequence)) {
            return;
        }
        setVersion(event.provider(), event.machine(), event.effectiveAt(), event.spec());
    }

    @EventHandler
    void on(MachineRemoved event, @SourceId String aggregate, @SequenceNumber long sequence) {
        if (!applied.firstTime(aggregate, sequence)) {
            return;
        }
        long at = Micros.of(event.effectiveAt());
        jdbc.update("DELETE FROM catalog_machine_version" + KEY + " AND valid_from_us >= ?",
                event.provider(), event.machine(), at);
        jdbc.update("UPDATE catalog_machine_version SET valid_to_us = ?" + KEY
                        + " AND valid_from_us < ? AND (valid_to_us IS NULL OR valid_to_us > ?)",
                at, event.provider(), event.machine(), at, at);
        jdbc.update("DELETE FROM catalog_machine_period" + KEY + " AND valid_from_us >= ?",
                event.provider(), event.machine(), at);
        jdbc.update("UPDATE catalog_machine_period SET valid_to_us = ?" + KEY
                        + " AND valid_from_us < ? AND (valid_to_us IS NULL OR valid_to_us > ?)",
                at, event.provider(), event.machine(), at, at);
    }

    @ResetHandler
    void reset() {
        applied.forget();
        ReadModelTables.empty(jdbc, "catalog_machine_version", "catalog_machine_period");
    }

    private void setVersion(String provider, String machine, Instant effectiveAt, MachineSpec spec) {
        long from = Micros.of(effectiveAt);
        if (jdbc.update("UPDATE catalog_machine_version SET " + SPEC_COLUMNS.replace(",", " = ?,") + " = ?"
                + KEY + " AND valid_from_us = ?", concat(specValues(spec), provider, machine, from)) > 0) {
            return;
        }
        List<Map<String, Object>> previous = jdbc.queryForList("SELECT valid_from_us, valid_to_us FROM"
                + " catalog_machine_version" + KEY + " AND valid_from_us < ? ORDER BY valid_from_us DESC LIMIT 1",
                provider, machine, from);
        Long to;
        if (!previous.isEmpty() && covers((Long) previous.get(0).get("valid_to_us"), from)) {
            to = (Long) previous.get(0).get("valid_to_us");
            jdbc.update("UPDATE catalog_machine_version SET valid_to_us = ?" + KEY + " AND valid_from_us = ?",
                    from, provider, machine, previous.get(0).get("valid_from_us"));
        } else {
            to = jdbc.queryForObject("SELECT min(valid_from_us) FROM catalog_machine_version" + KEY
                    + " AND valid_from_us > ?", Long.class, provider, machine, from);
        }
        jdbc.update("INSERT INTO catalog_machine_version (provider, machine, valid_from_us, valid_to_us, "
                        + SPEC_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                concat(new Object[]{provider, machine, from, to}, specValues(spec)));
    }

    private static boolean covers(Long validTo, long instant) {
        return validTo == null || validTo > instant;
    }

    static final String SPEC_COLUMNS = "cores, ram, availability, price_root, price_gold, price_silver, price_bronze,"
            + " price_sec_granularity, price_min_sec_granularity, cost_per_hour, cost_currency, cost_sec_granularity,"
            + " cost_min_sec_granularity, auto_update";

    private static Object[] specValues(MachineSpec spec) {
        return new Object[]{spec.cores(), spec.ram(), spec.availability(), spec.prices().root().value(),
                spec.prices().gold().value(), spec.prices().silver().value(), spec.prices().bronze().value(),
                spec.priceSecGranularity(), spec.priceMinSecGranularity(), spec.costPerHour(), spec.costCurrency(),
                spec.costSecGranularity(), spec.costMinSecGranularity(), spec.autoUpdate()};
    }

    private static Object[] concat(Object[] first, Object... rest) {
        Object[] all = new Object[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
