package com.zephycloud.ledger.infra.computations;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/** Submission and quotes read the real catalog: what an admin sets is what a job is billed. */
class ComputationOnCatalogTest extends ApiTest {

    private String provider;
    private String toolchain;

    private void catalog() {
        provider = unique("prov");
        toolchain = unique("tool");
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws",
                "provider_specific", Map.of("region", "eu-west-1"))).ok();
        for (String machine : List.of("big", "small")) {
            admin().post("/admin/machines/create/", params("provider_name", provider, "machine_name", machine,
                    "cores", 8, "ram", 17179869184L, "availability", 10,
                    "prices", Map.of("root", 0.5, "gold", 0.72, "silver", 1.5, "bronze", 3),
                    "price_sec_granularity", 500, "price_min_sec_granularity", 300, "cost_per_hour", 0.051,
                    "cost_currency", "dollar", "cost_sec_granularity", 1, "cost_min_sec_granularity", 60,
                    "auto_update", false)).ok();
        }
        admin().post("/admin/toolchains/create/", params("toolchain_name", toolchain, "fixed_price", 0.25,
                "machine_limit", 2, "machines", Map.of(provider, List.of("big")))).ok();
    }

    private JsonNode submit(long userId, String machine, int machines) {
        return service().post("/service/computations/submit/", params("user_id", userId, "project_uid", "p-" + userId,
                "toolchain_name", toolchain, "provider_name", provider, "machine_name", machine,
                "nbr_machines", machines)).body();
    }

    @Test
    void aSubmittedJobKeepsTheCatalogsTermsAndPaysTheFixedPrice() {
        catalog();
        long userId = newUser(unique("catalogued"), "10");
        long jobId = submit(userId, "big", 2).get("data").get("job_id").asLong();

        JsonNode job = admin().get("/admin/computations/show/", params("job_id", jobId)).ok();
        assertThat(job.get("toolchain_name").asText()).isEqualTo(toolchain);
        assertThat(job.get("provider").asText()).isEqualTo(provider);
        assertThat(decimal(job.get("fixed_price"))).isEqualByComparingTo("0.25");
        assertThat(decimal(job.get("price_per_hour_per_machine"))).isEqualByComparingTo("0.72");
        assertThat(decimal(job.get("price_per_sec_per_machine"))).isEqualByComparingTo("0.0002");
        assertThat(job.get("price_min_sec_granularity").asInt()).isEqualTo(300);
        assertThat(job.get("cost_currency").asText()).isEqualTo("dollar");
        assertThat(decimal(admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit")))
                .isEqualByComparingTo("9.75");

        // a later price change does not touch the job already submitted
        admin().post("/admin/machines/update/", params("provider_name", provider, "machine_name", "big",
                "prices", Map.of("root", 1, "gold", 2, "silver", 3, "bronze", 4))).ok();
        assertThat(decimal(admin().get("/admin/computations/show/", params("job_id", jobId)).ok()
                .get("price_per_hour_per_machine"))).isEqualByComparingTo("0.72");
    }

    @Test
    void theCatalogsRulesRefuseASubmissionAndNameTheProblem() {
        catalog();
        long userId = newUser(unique("refused"), "10");
        assertThat(errors(submit(userId, "small", 1))).anyMatch(m -> m.contains("small"));
        assertThat(errors(submit(userId, "big", 3))).anyMatch(m -> m.contains("machine_limit") || m.contains("2"));
        assertThat(errors(submit(userId, "huge", 1))).containsExactly(
                "machine_name: provider '" + provider + "' has no machine named 'huge'");
        JsonNode unknownToolchain = service().post("/service/computations/submit/", params("user_id", userId,
                "project_uid", "p", "toolchain_name", "nope", "provider_name", provider, "machine_name", "big")).body();
        assertThat(errors(unknownToolchain)).containsExactly("toolchain_name: no toolchain named 'nope'");
        JsonNode unknownProvider = service().post("/service/computations/submit/", params("user_id", userId,
                "project_uid", "p", "toolchain_name", toolchain, "provider_name", "nowhere", "machine_name", "big")).body();
        assertThat(errors(unknownProvider)).containsExactly("provider_name: no provider named 'nowhere'");
        assertThat(decimal(admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit")))
                .isEqualByComparingTo("10");
    }

    @Test
    void aQuoteUsesTheCatalogPrices() {
        catalog();
        JsonNode quote = admin().get("/admin/computations/quote/", params("toolchain_name", toolchain,
                "provider_name", provider, "machine_name", "big", "nbr_machines", 2, "duration", 800,
                "rank", "gold")).ok();
        // fixed 0.25 + first slice 300 s + one slice of 500 s, on 2 machines at 0.72/h = 0.25 + 2 × 0.16
        assertThat(decimal(quote.get("total_price"))).isEqualByComparingTo("0.57");
    }

    private static List<String> errors(JsonNode body) {
        assertThat(body.get("success").asInt()).isZero();
        return java.util.stream.StreamSupport.stream(body.get("error_msgs").spliterator(), false)
                .map(JsonNode::asText).toList();
    }
}
