package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.events.catalog.ProviderCreated;
import com.zephycloud.ledger.kernel.events.catalog.ProviderUpdated;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Map;

/** {@code catalog_provider_version} and its provider-specific fields, one version per change. */
@ProcessingGroup(ProviderProjection.PROCESSING_GROUP)
public class ProviderProjection {

    public static final String PROCESSING_GROUP = "catalog-providers";

    private final JdbcTemplate jdbc;

    public ProviderProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProviderCreated event) {
        append(event.provider(), event.location(), event.type(), event.providerSpecific(), event.effectiveAt());
    }

    @EventHandler
    void on(ProviderUpdated event) {
        append(event.provider(), event.location(), event.type(), event.providerSpecific(), event.effectiveAt());
    }

    @ResetHandler
    void reset() {
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
