package com.zephycloud.ledger.infra.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.query.catalog.ExchangeRates;
import com.zephycloud.ledger.query.catalog.FindExchangeRates;
import com.zephycloud.ledger.query.catalog.FindMachineOffer;
import com.zephycloud.ledger.query.catalog.MachineOffer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/** Automatic prices follow the cost, the exchange rates and the pricing constants; manual prices do not. */
class RepricingApiTest extends ApiTest {

    @Autowired
    private Queries queries;

    @Test
    void automaticMachinesAreRepricedWhenARateOrAConstantChanges() {
        admin().post("/admin/currencies/set/", params("currency", "dollar", "rate_to_euro", 0.85)).ok();
        admin().post("/admin/reports/pricing_constants/update/", params("default_cost_currency", "dollar",
                "default_cost_sec_granularity", 1, "default_cost_min_sec_granularity", 60, "default_currency", "euro",
                "default_price_sec_granularity", 300, "default_price_min_sec_granularity", 300,
                "openfoam_donations", 0.05, "security_margin", 0.05, "zephycoin_price", 4,
                "margins", Map.of("root", 1, "gold", 2, "silver", 4, "bronze", 10),
                "storage_price_per_day", 0.01)).ok();
        String provider = unique("r").toLowerCase();
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws")).ok();
        Map<String, Object> common = params("provider_name", provider, "cores", 4, "ram", 1024, "availability", 1,
                "price_sec_granularity", 500, "price_min_sec_granularity", 500, "cost_per_hour", 0.025,
                "cost_currency", "dollar", "cost_sec_granularity", 1, "cost_min_sec_granularity", 60);
        Map<String, Object> auto = params("machine_name", "auto", "auto_update", true);
        auto.putAll(common);
        admin().post("/admin/machines/create/", auto).ok();
        Map<String, Object> manual = params("machine_name", "manual", "auto_update", false,
                "prices", Map.of("root", 0.19, "gold", 0.38, "silver", 0.76, "bronze", 1.9));
        manual.putAll(common);
        admin().post("/admin/machines/create/", manual).ok();
        // date=T is the instant T.000: wait for the next whole second so that it follows the creation
        long before = Instant.now().getEpochSecond() + 1;
        sleepUntil(before);

        // 0.025 × 0.85 × 1.05 / 4 = 0.005578125 -> 0.00557812 (half-even)
        assertThat(price(provider, "auto", "root", null)).isEqualTo("0.00557812");
        assertThat(price(provider, "auto", "bronze", null)).isEqualTo("0.05578125");

        admin().post("/admin/currencies/set/", params("currency", "dollar", "rate_to_euro", 1.7)).ok();
        assertThat(price(provider, "auto", "root", null)).isEqualTo("0.01115625");
        assertThat(price(provider, "manual", "root", null)).isEqualTo("0.19");

        admin().post("/admin/reports/pricing_constants/update/", params("zephycoin_price", 2)).ok();
        assertThat(price(provider, "auto", "root", null)).isEqualTo("0.0223125");
        admin().post("/admin/machines/update/", params("provider_name", provider, "machine_name", "auto",
                "cost_per_hour", 0.05)).ok();
        assertThat(price(provider, "auto", "root", null)).isEqualTo("0.044625");
        assertThat(price(provider, "auto", "root", before)).isEqualTo("0.00557812");

        JsonNode constants = admin().get("/admin/reports/pricing_constants/", params()).ok();
        assertThat(decimal(constants.get("zephycoin_price"))).isEqualByComparingTo("2");
        assertThat(decimal(constants.get("currency_to_euro").get("dollar"))).isEqualByComparingTo("1.7");
        assertThat(decimal(constants.get("margins").get("bronze"))).isEqualByComparingTo("10");
        JsonNode old = admin().get("/admin/reports/pricing_constants/", params("date", before)).ok();
        assertThat(decimal(old.get("zephycoin_price"))).isEqualByComparingTo("4");
        assertThat(decimal(old.get("currency_to_euro").get("dollar"))).isEqualByComparingTo("0.85");
        assertThat(admin().get("/admin/currencies/", params()).ok().toString()).contains("dollar");
        assertThat(queries.ask(new FindExchangeRates(Instant.ofEpochSecond(before)), ExchangeRates.class)
                .currencyToEuro().get("dollar")).isEqualByComparingTo("0.85");

        assertThat(admin().post("/admin/reports/pricing_constants/update/", params("zephycoin_price", 0))
                .refused(400)).containsExactly("zephycoin_price: must be more than zero, got 0");
        assertThat(admin().post("/admin/currencies/set/", params("currency", "dollar", "rate_to_euro", 1,
                "effective_date", before - 10)).refused(400).get(0)).contains("cannot be back-dated");
    }

    @Test
    void aJobSubmissionFindsTheWholeOfferInOneLookup() {
        String provider = unique("o").toLowerCase();
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws")).ok();
        admin().post("/admin/machines/create/", params("provider_name", provider, "machine_name", "m", "cores", 8,
                "ram", 1024, "availability", 1, "price_sec_granularity", 300, "price_min_sec_granularity", 600,
                "cost_per_hour", 0.1, "cost_currency", "dollar", "cost_sec_granularity", 1,
                "cost_min_sec_granularity", 60, "prices", Map.of("root", 1, "gold", 2, "silver", 3, "bronze", 4))).ok();
        String toolchain = unique("tc");
        admin().post("/admin/toolchains/create/", params("toolchain_name", toolchain, "fixed_price", 0.5,
                "machine_limit", 2, "machines", Map.of(provider, List.of("m")))).ok();

        MachineOffer offer = queries.find(new FindMachineOffer(toolchain, provider, "m", Instant.now()),
                MachineOffer.class).orElseThrow();
        assertThat(offer.machineAllowed()).isTrue();
        assertThat(offer.cores()).isEqualTo(8);
        assertThat(offer.machineLimit()).isEqualTo(2);
        assertThat(offer.fixedPrice().value()).isEqualByComparingTo("0.5");
        assertThat(offer.prices().silver().value()).isEqualByComparingTo("3");
        assertThat(offer.priceMinSecGranularity()).isEqualTo(600);
        assertThat(offer.costCurrency()).isEqualTo("dollar");
        assertThat(queries.find(new FindMachineOffer(toolchain, provider, "m", Instant.now().minusSeconds(3600)),
                MachineOffer.class)).isEmpty();
    }

    private static void sleepUntil(long epochSecond) {
        long millis = epochSecond * 1000 - System.currentTimeMillis() + 5;
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String price(String provider, String machine, String rank, Long date) {
        Map<String, Object> p = params("provider_name", provider, "machine_name", machine);
        if (date != null) {
            p.put("date", date);
        }
        return decimal(admin().post("/admin/machines/show/", p).ok().get("prices").get(rank))
                .stripTrailingZeros().toPlainString();
    }
}
