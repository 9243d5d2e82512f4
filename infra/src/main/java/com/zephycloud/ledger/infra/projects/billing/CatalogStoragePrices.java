package com.zephycloud.ledger.infra.projects.billing;

import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.query.catalog.FindPricingConstants;
import com.zephycloud.ledger.query.catalog.PricingConstantsView;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The storage price from the catalog's pricing constants valid at the given instant. Before any
 * pricing constants exist, or while they set no storage price, storage is free.
 */
@Component
public class CatalogStoragePrices implements StoragePrices {

    private final Queries queries;

    public CatalogStoragePrices(Queries queries) {
        this.queries = queries;
    }

    @Override
    public Zephycoins pricePerItemPerDay(Instant at) {
        return queries.find(new FindPricingConstants(at), PricingConstantsView.class)
                .map(PricingConstantsView::storagePricePerDay)
                .map(Zephycoins::of)
                .orElse(Zephycoins.ZERO);
    }
}
