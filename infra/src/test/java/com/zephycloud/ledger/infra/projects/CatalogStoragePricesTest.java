package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.infra.projects.billing.StoragePrices;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.Map;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/** Storage billing prices storage with the catalog's pricing constants valid on the billed day. */
class CatalogStoragePricesTest extends ApiTest {

    @Autowired
    private StoragePrices prices;

    @Test
    void theStoragePriceIsThePricingConstantValidAtTheDate() throws InterruptedException {
        assertThat(prices.pricePerItemPerDay(Instant.EPOCH)).isEqualTo(Zephycoins.ZERO);

        admin().post("/admin/reports/pricing_constants/update/", params("default_cost_currency", "dollar",
                "default_cost_sec_granularity", 1, "default_cost_min_sec_granularity", 60, "default_currency", "euro",
                "default_price_sec_granularity", 300, "default_price_min_sec_granularity", 300,
                "openfoam_donations", 0.05, "security_margin", 0.05, "zephycoin_price", 4,
                "margins", Map.of("root", 1, "gold", 2, "silver", 4, "bronze", 10),
                "storage_price_per_day", "0.02")).ok();
        Thread.sleep(1_100);
        Instant first = Instant.now();
        Thread.sleep(1_100);
        admin().post("/admin/reports/pricing_constants/update/", params("storage_price_per_day", "0.03")).ok();
        Thread.sleep(1_100);

        assertThat(prices.pricePerItemPerDay(first)).isEqualTo(Zephycoins.of("0.02"));
        assertThat(prices.pricePerItemPerDay(Instant.now())).isEqualTo(Zephycoins.of("0.03"));
    }
}
