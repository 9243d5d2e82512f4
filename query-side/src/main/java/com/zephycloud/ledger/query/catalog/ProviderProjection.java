package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.events.catalog.ProviderCreated;
import com.zephycloud.ledger.kernel.events.catalog.ProviderUpdated;
import com.zephycloud.ledger.query.common.AppliedEvents;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Map;

/**
 * {@code catalog_provider_version} and its provider-specific fields, one version per change. An
 * event handled a second time is passed over ({@link AppliedEvents}): applied again, its changes of
 * validity ranges would not give the same tables.
 */
@ProcessingGroup(ProviderProjection.PROCESSING_GROUP)
public class ProviderProjection {

    public static final String PROCESSING_GROUP = "catalog-providers";

    private final JdbcTemplate jdbc;
    private final AppliedEvents applied;

    public ProviderProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.applied = new AppliedEvents(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(ProviderCreated event, @SourceId String aggregate, @SequenceNumber long sequence) {
        if (!applied.firstTime(aggregate, sequence)) {
            return;
        }
        append(event.provider(), event.location(), event.type(), event.providerSpecific(), event.effectiveAt());
    }

    @EventHandler
    void on(ProviderUpdated event, @SourceId String aggregate, @SequenceNumber long sequence) {
        if (!applied.firstTime(aggregate, sequence)) {
            return;
        }
        append(event.provider(), event.location(), event.type(), event.providerSpecific(), event.effectiveAt());
    }

    @ResetHandler
    void reset() {
        applied.forget();
        ReadModelTables.empty(jdbc, "catalog_provider_specific", "catalog_provider_version");
    }

    private void append(String provider, String location, String type, Map<String, String> specific, Instant at) {
        long from = Micros.of(at);
        jdbc.update("UPDATE catalog_provider_version SET valid_to_us = ? WHERE provider = ? AND valid_to_us IS NULL",
                from, provider);
        jdbc.update("INSERT INTO catalog_provider_version (provider, valid_from_us, location, type) VALUES (?, ?, ?, ?)",
                provider, from, location, type);
        specific.forEach((name, value) -> jdbc.update("INSERT INTO catalog_provider_specific"
                + " (provider, valid_from_us, field_name, field_value) VALUES (?, ?, ?, ?)", provider, from, name, value));
    }
}
