package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.catalog.PricingConstants;
import com.zephycloud.ledger.kernel.events.catalog.ExchangeRateSet;
import com.zephycloud.ledger.kernel.events.catalog.PricingConstantsChanged;
import com.zephycloud.ledger.query.common.AppliedEvents;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code catalog_pricing_version} and {@code catalog_exchange_rate_version}; changes come in time
 * order. An event handled a second time is passed over ({@link AppliedEvents}): applied again, its
 * changes of validity ranges would not give the same tables.
 */
@ProcessingGroup(PricingProjection.PROCESSING_GROUP)
public class PricingProjection {

    public static final String PROCESSING_GROUP = "catalog-pricing";

    private final JdbcTemplate jdbc;
    private final AppliedEvents applied;

    public PricingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.applied = new AppliedEvents(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(PricingConstantsChanged event, @SourceId String aggregate, @SequenceNumber long sequence) {
        if (!applied.firstTime(aggregate, sequence)) {
            return;
        }
        long from = Micros.of(event.effectiveAt());
        PricingConstants c = event.constants();
        jdbc.update("DELETE FROM catalog_pricing_version WHERE valid_from_us = ?", from);
        jdbc.update("UPDATE catalog_pricing_version SET valid_to_us = ? WHERE valid_to_us IS NULL", from);
        jdbc.update("INSERT INTO catalog_pricing_version (valid_from_us, default_cost_currency,"
                        + " default_cost_sec_granularity, default_cost_min_sec_granularity, default_currency,"
                        + " default_price_sec_granularity, default_price_min_sec_granularity, openfoam_donations,"
                        + " security_margin, zephycoin_price, margin_root, margin_gold, margin_silver, margin_bronze,"
                        + " storage_price_per_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                from, c.defaultCostCurrency(), c.defaultCostSecGranularity(), c.defaultCostMinSecGranularity(),
                c.defaultCurrency(), c.defaultPriceSecGranularity(), c.defaultPriceMinSecGranularity(),
                c.openfoamDonations(), c.securityMargin(), c.zephycoinPrice(), c.margins().root(), c.margins().gold(),
                c.margins().silver(), c.margins().bronze(), c.storagePricePerDay().value());
    }

    @EventHandler
    void on(ExchangeRateSet event, @SourceId String aggregate, @SequenceNumber long sequence) {
        if (!applied.firstTime(aggregate, sequence)) {
            return;
        }
        long from = Micros.of(event.effectiveAt());
        jdbc.update("DELETE FROM catalog_exchange_rate_version WHERE currency = ? AND valid_from_us = ?",
                event.currency(), from);
        jdbc.update("UPDATE catalog_exchange_rate_version SET valid_to_us = ? WHERE currency = ? AND valid_to_us IS NULL",
                from, event.currency());
        jdbc.update("INSERT INTO catalog_exchange_rate_version (currency, valid_from_us, rate_to_euro) VALUES (?, ?, ?)",
                event.currency(), from, event.rateToEuro());
    }

    @ResetHandler
    void reset() {
        applied.forget();
        ReadModelTables.empty(jdbc, "catalog_pricing_version", "catalog_exchange_rate_version");
    }
}
