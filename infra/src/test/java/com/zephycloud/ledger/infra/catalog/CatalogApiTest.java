package com.zephycloud.ledger.infra.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogApiTest extends ApiTest {

    private static final Map<String, Object> PRICES = Map.of("root", 0.19, "gold", 0.38, "silver", 0.76, "bronze", 1.9);

    private String newProvider() {
        String name = unique("p").toLowerCase();
        admin().post("/admin/providers/create/", params("provider_name", name, "location", "eu", "type", "aws",
                "provider_specific", Map.of("region", "eu-west-1"))).ok();
        return name;
    }

    private Map<String, Object> machine(String provider, String name, Object... extra) {
        Map<String, Object> p = params("provider_name", provider, "machine_name", name, "cores", 4,
                "ram", 8589934592L, "availability", 400, "prices", PRICES, "price_sec_granularity", 500,
                "price_min_sec_granularity", 500, "cost_per_hour", 0.025, "cost_currency", "dollar",
                "cost_sec_granularity", 1, "cost_min_sec_granularity", 60, "auto_update", false);
        p.putAll(params(extra));
        return p;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void aCreatedMachineIsListedAndShownWithTheReferenceFields() {
        String provider = newProvider();
        admin().post("/admin/machines/create/", machine(provider, "c5.xlarge")).ok();

        var list = admin().post("/admin/machines/list/", params("provider_name", provider));
        assertThat(list.total()).isEqualTo(1);
        JsonNode shown = admin().post("/admin/machines/show/", params("provider_name", provider,
                "machine_name", "c5.xlarge")).ok();
        assertThat(list.ok().get(0)).isEqualTo(shown);
        assertThat(shown.get("name").asText()).isEqualTo("c5.xlarge");
        assertThat(shown.get("ram").asLong()).isEqualTo(8589934592L);
        assertThat(decimal(shown.get("prices").get("bronze"))).isEqualByComparingTo("1.9");
        assertThat(decimal(shown.get("cost_per_hour"))).isEqualByComparingTo("0.025");
        assertThat(shown.get("cost_min_sec_granularity").asInt()).isEqualTo(60);
        assertThat(shown.get("auto_update").asBoolean()).isFalse();

        JsonNode providers = admin().get("/admin/providers/list/", params()).ok();
        assertThat(providers.findValues("name").stream().map(JsonNode::asText)).contains(provider);
        JsonNode all = admin().get("/admin/providers/list_all_machines/", params()).ok();
        assertThat(all.get(provider).get(0).asText()).isEqualTo("c5.xlarge");
    }

    @Test
    void badMachineInputIsRefusedAndNothingIsStored() {
        String provider = newProvider();
        assertThat(admin().post("/admin/machines/create/", machine("nowhere", "m1")).refused(400).get(0))
                .contains("unknown provider 'nowhere'");
        assertThat(admin().post("/admin/machines/create/", machine(provider, "m1", "prices",
                Map.of("platinum", 1))).refused(400).get(0)).contains("unknown rank 'platinum'");
        assertThat(admin().post("/admin/machines/create/", machine(provider, "m1", "price_sec_granularity", 0))
                .refused(400)).containsExactly("price_sec_granularity: must be at least 1 seconds, got 0");
        assertThat(admin().post("/admin/machines/create/", machine(provider, "m1", "availability", -1))
                .refused(400)).containsExactly("availability: must be zero or more, got -1");
        assertThat(admin().post("/admin/machines/list/", params("provider_name", provider)).total()).isZero();

        admin().post("/admin/machines/create/", machine(provider, "m1")).ok();
        assertThat(admin().post("/admin/machines/create/", machine(provider, "m1")).refused(409).get(0))
                .contains("already exists");
        assertThat(admin().post("/admin/machines/update/", params("provider_name", provider, "machine_name", "m2",
                "cores", 8)).refused(404).get(0)).contains("no machine 'm2'");
        assertThat(admin().post("/admin/machines/remove/", params("provider_name", provider, "machine_name", "m2"))
                .refused(404).get(0)).contains("no machine 'm2'");
        assertThat(admin().post("/admin/machines/update/", params("provider_name", provider, "machine_name", "m1"))
                .refused(400).get(0)).contains("give at least one field");
        assertThat(admin().post("/admin/machines/update/", params("provider_name", provider, "machine_name", "m1",
                "cores", 8, "effective_date", now() - 100)).refused(400).get(0)).contains("cannot be back-dated");
        assertThat(admin().post("/admin/machines/show/", params("provider_name", provider, "machine_name", "m1"))
                .ok().get("cores").asInt()).isEqualTo(4);
    }

    /** create -> price change -> scheduled change -> removal, asked inside each interval and on each boundary. */
    @Test
    void theCatalogAnswersAsItWasAtEachSecond() {
        String provider = newProvider();
        long t1 = now() + 1000;
        long t2 = t1 + 100;
        long t3 = t2 + 100;
        long t4 = t3 + 100;
        admin().post("/admin/machines/create/", machine(provider, "c5.xlarge", "effective_date", t1)).ok();
        admin().post("/admin/machines/update/", params("provider_name", provider, "machine_name", "c5.xlarge",
                "prices", Map.of("root", 0.2), "effective_date", t2)).ok();
        admin().post("/admin/machines/update/", params("provider_name", provider, "machine_name", "c5.xlarge",
                "prices", Map.of("root", 0.3), "effective_date", t3)).ok();
        admin().post("/admin/machines/remove/", params("provider_name", provider, "machine_name", "c5.xlarge",
                "effective_date", t4)).ok();

        assertThat(rootPriceAt(provider, now())).isNull();
        assertThat(rootPriceAt(provider, t1 - 1)).isNull();
        assertThat(rootPriceAt(provider, t1)).isEqualTo("0.19");
        assertThat(rootPriceAt(provider, t2 - 1)).isEqualTo("0.19");
        assertThat(rootPriceAt(provider, t2)).isEqualTo("0.2");
        assertThat(rootPriceAt(provider, t3 - 1)).isEqualTo("0.2");
        assertThat(rootPriceAt(provider, t3)).isEqualTo("0.3");
        assertThat(rootPriceAt(provider, t4 - 1)).isEqualTo("0.3");
        assertThat(rootPriceAt(provider, t4)).isNull();

        JsonNode history = admin().post("/admin/machines/price_history/", params("provider_name", provider,
                "machine_name", "c5.xlarge")).ok();
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("valid_from").asLong()).isEqualTo(t1);
        assertThat(history.get(0).get("valid_to").asLong()).isEqualTo(t2);
        assertThat(history.get(2).get("valid_to").asLong()).isEqualTo(t4);
    }

    /** The list, its total, the show and list_all_machines agree across a removal and a re-creation. */
    @Test
    void aMachineIsListedAndCountedOnlyWhileItIsOffered() {
        String provider = newProvider();
        long t1 = now() + 1000;
        long t2 = t1 + 100;
        long t3 = t2 + 100;
        admin().post("/admin/machines/create/", machine(provider, "m1", "effective_date", t1)).ok();
        admin().post("/admin/machines/create/", machine(provider, "m2", "cores", 8, "effective_date", t1)).ok();
        admin().post("/admin/machines/remove/", params("provider_name", provider, "machine_name", "m2",
                "effective_date", t2)).ok();
        admin().post("/admin/machines/create/", machine(provider, "m2", "cores", 16, "effective_date", t3)).ok();

        assertThat(namesAt(provider, t1 - 1)).isEmpty();
        assertThat(namesAt(provider, t1)).containsExactly("m1", "m2");
        assertThat(namesAt(provider, t2 - 1)).containsExactly("m1", "m2");
        assertThat(namesAt(provider, t2)).containsExactly("m1");
        admin().post("/admin/machines/show/", params("provider_name", provider, "machine_name", "m2", "date", t2))
                .refused(404);
        assertThat(admin().get("/admin/providers/list_all_machines/", params("date", t2)).ok().get(provider))
                .extracting(JsonNode::asText).containsExactly("m1");
        assertThat(namesAt(provider, t3)).containsExactly("m1", "m2");
        assertThat(admin().post("/admin/machines/show/", params("provider_name", provider, "machine_name", "m2",
                "date", t3)).ok().get("cores").asInt()).isEqualTo(16);

        var byCores = admin().post("/admin/machines/list/", params("provider_name", provider, "date", t3,
                "order", "cores DESC", "limit", 1));
        assertThat(byCores.ok()).extracting(node -> node.get("name").asText()).containsExactly("m2");
        assertThat(byCores.total()).isEqualTo(2);
        var secondPage = admin().post("/admin/machines/list/", params("provider_name", provider, "date", t3,
                "limit", 1, "offset", 1));
        assertThat(secondPage.ok()).extracting(node -> node.get("name").asText()).containsExactly("m2");
        assertThat(secondPage.total()).isEqualTo(2);
    }

    /** The names listed at {@code date}, checked against the list's total. */
    private List<String> namesAt(String provider, long date) {
        var list = admin().post("/admin/machines/list/", params("provider_name", provider, "date", date));
        List<String> names = list.ok().findValues("name").stream().map(JsonNode::asText).toList();
        assertThat(list.total()).isEqualTo(names.size());
        return names;
    }

    private String rootPriceAt(String provider, long date) {
        var list = admin().post("/admin/machines/list/", params("provider_name", provider, "date", date));
        JsonNode data = list.ok();
        var show = admin().post("/admin/machines/show/", params("provider_name", provider, "machine_name", "c5.xlarge",
                "date", date));
        if (data.isEmpty()) {
            show.refused(404);
            return null;
        }
        assertThat(show.ok()).isEqualTo(data.get(0));
        return decimal(data.get(0).get("prices").get("root")).stripTrailingZeros().toPlainString();
    }

    @Test
    void toolchainsAllowMachinesAndAreVersioned() {
        String provider = newProvider();
        admin().post("/admin/machines/create/", machine(provider, "c5.xlarge")).ok();
        String name = unique("tc");
        long id = admin().post("/admin/toolchains/create/", params("toolchain_name", name, "fixed_price", 0.1,
                "machine_limit", 1, "machines", Map.of(provider, List.of("c5.xlarge")))).ok().get("toolchain_id").asLong();
        assertThat(id).isPositive();

        JsonNode shown = admin().post("/admin/toolchains/show/", params("toolchain_name", name)).ok();
        assertThat(shown.get("toolchain_id").asLong()).isEqualTo(id);
        assertThat(decimal(shown.get("fixed_price"))).isEqualByComparingTo("0.1");
        assertThat(admin().post("/admin/toolchains/list_machines/", params("toolchain_name", name)).ok()
                .get(provider).get(0).asText()).isEqualTo("c5.xlarge");
        assertThat(admin().post("/admin/machines/list_toolchains/", params("provider_name", provider,
                "machine_name", "c5.xlarge")).ok().toString()).contains(name);

        long later = now() + 500;
        admin().post("/admin/toolchains/update/", params("toolchain_name", name, "fixed_price", 0.2,
                "effective_date", later)).ok();
        assertThat(decimal(admin().post("/admin/toolchains/show/", params("toolchain_name", name, "date", later - 1))
                .ok().get("fixed_price"))).isEqualByComparingTo("0.1");
        assertThat(decimal(admin().post("/admin/toolchains/show/", params("toolchain_name", name, "date", later))
                .ok().get("fixed_price"))).isEqualByComparingTo("0.2");
        var list = admin().get("/admin/toolchains/list/", params("order", "name DESC"));
        assertThat(list.ok().findValues("name").stream().map(JsonNode::asText)).contains(name);

        assertThat(admin().post("/admin/toolchains/update/", params("toolchain_name", name, "machine_limit", 0))
                .refused(400)).containsExactly("machine_limit: must be at least 1 (2 or more is a cluster), got 0");
        assertThat(admin().post("/admin/toolchains/update/", params("toolchain_name", name, "effective_date", later,
                "machines", Map.of(provider, List.of("nope")))).refused(400).get(0))
                .contains("unknown machines " + provider + "/nope");
        assertThat(admin().post("/admin/toolchains/create/", params("toolchain_name", name, "fixed_price", 0.1,
                "machine_limit", 1)).refused(409).get(0)).contains("already taken");
        assertThat(admin().post("/admin/toolchains/show/", params("toolchain_name", unique("none"))).refused(404));

        admin().post("/admin/toolchains/remove/", params("toolchain_name", name, "effective_date", later + 10)).ok();
        admin().post("/admin/toolchains/show/", params("toolchain_name", name, "date", later + 10)).refused(404);
    }

    @Test
    void unknownParametersAndProvidersAreRefused() {
        assertThat(admin().post("/admin/providers/list/", params("colour", "red")).refused(400).get(0))
                .contains("colour: unknown parameter");
        assertThat(admin().post("/admin/machines/list/", params("provider_name", "nowhere")).refused(404).get(0))
                .contains("no provider 'nowhere'");
        assertThat(admin().post("/admin/providers/update/", params("provider_name", "nowhere", "location", "us"))
                .refused(404));
        String provider = newProvider();
        assertThat(admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu",
                "type", "aws")).refused(409));
        admin().post("/admin/providers/update/", params("provider_name", provider, "location", "us")).ok();
        JsonNode listed = admin().get("/admin/providers/list/", params("order", "name")).ok();
        for (JsonNode p : listed) {
            if (p.get("name").asText().equals(provider)) {
                assertThat(p.get("location").asText()).isEqualTo("us");
                assertThat(p.get("provider_specific").get("region").asText()).isEqualTo("eu-west-1");
            }
        }
        assertThat(admin().post("/admin/machines/list/", params("provider_name", provider, "order", "price"))
                .refused(400).get(0)).contains("cannot order by 'price'");
    }
}
