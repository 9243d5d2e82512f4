package com.zephycloud.ledger.infra.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.command.ledger.TransactionIdGenerator;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * reports/benefits on the real catalog and real slice billing. The worked example of
 * docs/reports.md: a zephycoin at 4 euros, a dollar at 0.85 euro, a yuan at 0.125 euro, 5 % to
 * OpenFOAM; the user pays a toolchain's fixed price (0.25), the first slice of 300 s on two machines
 * at 0.72 per hour and machine (0.12), 2.5 of storage and 1 of manual consumption; the provider
 * bills 0.051 dollar per hour and machine for the same 300 s (0.0085 dollar).
 */
class BenefitsApiTest extends ApiTest {

    @Autowired
    private CommandGateway commands;

    @Autowired
    private TransactionIdGenerator transactionIds;

    private String provider;
    private String toolchain;

    @BeforeEach
    void catalog() {
        admin().post("/admin/currencies/set/", params("currency", "dollar", "rate_to_euro", 0.85)).ok();
        admin().post("/admin/currencies/set/", params("currency", "yuan", "rate_to_euro", 0.125)).ok();
        admin().post("/admin/reports/pricing_constants/update/", params("default_cost_currency", "dollar",
                "default_cost_sec_granularity", 1, "default_cost_min_sec_granularity", 60, "default_currency", "euro",
                "default_price_sec_granularity", 300, "default_price_min_sec_granularity", 300,
                "openfoam_donations", 0.05, "security_margin", 0.05, "zephycoin_price", 4,
                "margins", Map.of("root", 1, "gold", 2, "silver", 4, "bronze", 10),
                "storage_price_per_day", 0.01)).ok();
        provider = unique("ben");
        toolchain = unique("bentool");
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws")).ok();
        admin().post("/admin/machines/create/", params("provider_name", provider, "machine_name", "big",
                "cores", 8, "ram", 17179869184L, "availability", 10,
                "prices", Map.of("root", 0.5, "gold", 0.72, "silver", 1.5, "bronze", 3),
                "price_sec_granularity", 500, "price_min_sec_granularity", 300, "cost_per_hour", 0.051,
                "cost_currency", "dollar", "cost_sec_granularity", 1, "cost_min_sec_granularity", 60,
                "auto_update", false)).ok();
        admin().post("/admin/toolchains/create/", params("toolchain_name", toolchain, "fixed_price", 0.25,
                "machine_limit", 2, "machines", Map.of(provider, List.of("big")))).ok();
    }

    /** The example's consumptions; answers the id of the slice's transaction. */
    private long consume(long userId) throws InterruptedException {
        long jobId = service().post("/service/computations/submit/", params("user_id", userId, "project_uid",
                "p-" + userId, "toolchain_name", toolchain, "provider_name", provider, "machine_name", "big",
                "nbr_machines", 2)).ok().get("job_id").asLong();
        service().post("/service/computations/start/", params("job_id", jobId)).ok();
        long slice = awaitFirstSlice(jobId);
        service().post("/service/computations/finish/", params("job_id", jobId)).ok();
        commands.sendAndWait(new ConsumeCredit(UserId.of(userId), transactionIds.next(), Zephycoins.of("2.5"),
                "storage", null, ChargeCategory.STORAGE, ChargeContext.NONE));
        admin().post("/admin/user/consume/", params("user_id", userId, "amount", 1, "description", "manual")).ok();
        return slice;
    }

    /** The billing workers charge the first slice when the job starts. */
    private long awaitFirstSlice(long jobId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode t : admin().get("/admin/transactions/list/", params("job_id", jobId)).ok()) {
                if (!t.get("computing_start").isNull()) {
                    assertThat(decimal(t.get("amount"))).isEqualByComparingTo("-0.12");
                    return t.get("id").asLong();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("slice 0 of job " + jobId + " was not charged");
    }

    private JsonNode benefits(Object... parameters) {
        JsonNode lines = admin().post("/admin/reports/benefits/", params(parameters)).ok();
        assertThat(lines.isArray()).isTrue();
        return lines;
    }

    private static void assertLine(JsonNode line, String currency, String cost, String computation, String storage,
                                   String commission, String benefits) {
        assertThat(line.get("currency").asText()).isEqualTo(currency);
        assertThat(decimal(line.get("computation_cost"))).isEqualByComparingTo(cost);
        assertThat(decimal(line.get("factured_computation"))).isEqualByComparingTo(computation);
        assertThat(decimal(line.get("factured_storage"))).isEqualByComparingTo(storage);
        assertThat(decimal(line.get("openfoam_commission"))).isEqualByComparingTo(commission);
        assertThat(decimal(line.get("benefits"))).isEqualByComparingTo(benefits);
    }

    @Test
    void theWorkedExampleInEveryCurrencyAndUnchangedByLaterRates() throws InterruptedException {
        long from = Instant.now().getEpochSecond() - 1;
        String login = unique("benefit");
        long userId = newUser(login, "100");
        consume(userId);
        long to = Instant.now().getEpochSecond() + 1;
        sleepUntil(to);

        JsonNode euro = benefits("from", from, "to", to, "user_id", userId, "currency", "euro");
        assertThat(euro).hasSize(1);
        assertThat(euro.get(0).get("user_id").asLong()).isEqualTo(userId);
        assertThat(euro.get(0).get("login").asText()).isEqualTo(login);
        assertThat(euro.get(0).get("email").asText()).isEqualTo(login + "@example.com");
        // (0.25 + 0.12) × 4; 2.5 × 4; 1.48 × 0.05; 0.0085 × 0.85; 1.48 + 10 − 0.007225 − 0.074
        assertLine(euro.get(0), "euro", "0.007225", "1.48", "10", "0.074", "11.398775");
        // the default currency is the configured one
        assertLine(benefits("from", from, "to", to, "user_id", userId).get(0), "euro", "0.007225", "1.48", "10",
                "0.074", "11.398775");
        // euros / 0.125
        assertLine(benefits("from", from, "to", to, "user_id", userId, "currency", "yuan").get(0), "yuan",
                "0.0578", "11.84", "80", "0.592", "91.1902");
        // euros / 0.85, rounded half-even to 9 decimals; the provider's dollars stay exact
        assertLine(benefits("from", from, "to", to, "user_id", userId, "currency", "dollar").get(0), "dollar",
                "0.0085", "1.741176471", "11.764705882", "0.087058824", "13.410323529");

        // later rates and a later zephycoin price do not change a past report
        admin().post("/admin/currencies/set/", params("currency", "dollar", "rate_to_euro", 1.7)).ok();
        admin().post("/admin/currencies/set/", params("currency", "yuan", "rate_to_euro", 0.25)).ok();
        admin().post("/admin/reports/pricing_constants/update/", params("zephycoin_price", 2,
                "openfoam_donations", 0.1)).ok();
        assertLine(benefits("from", from, "to", to, "user_id", userId, "currency", "euro").get(0), "euro",
                "0.007225", "1.48", "10", "0.074", "11.398775");
        assertLine(benefits("from", from, "to", to, "user_id", userId, "currency", "yuan").get(0), "yuan",
                "0.0578", "11.84", "80", "0.592", "91.1902");
    }

    @Test
    void aCanceledSliceLeavesItsRevenueAndItsCostOut() throws InterruptedException {
        long from = Instant.now().getEpochSecond() - 1;
        long userId = newUser(unique("canceled"), "100");
        long slice = consume(userId);
        long charged = Instant.now().getEpochSecond() + 1;
        sleepUntil(charged);
        admin().post("/admin/transactions/cancel/", params("transaction_ids", List.of(slice),
                "reason", "provider outage")).ok();
        long to = Instant.now().getEpochSecond() + 1;
        sleepUntil(to);

        // the whole window: the fixed price 0.25 × 4 and the storage remain, the slice is gone
        assertLine(benefits("from", from, "to", to, "user_id", userId).get(0), "euro", "0", "1", "10", "0.05",
                "10.95");
        // before the cancellation the slice counts; the cancellation's window takes exactly it back
        assertLine(benefits("from", from, "to", charged, "user_id", userId).get(0), "euro", "0.007225", "1.48",
                "10", "0.074", "11.398775");
        assertLine(benefits("from", charged, "to", to, "user_id", userId).get(0), "euro", "-0.007225", "-0.48",
                "0", "-0.024", "-0.448775");
    }

    @Test
    void everyUserWhoConsumedInTheWindowByUserId() throws InterruptedException {
        long from = Instant.now().getEpochSecond() - 1;
        long first = newUser(unique("listed"), "100");
        long second = newUser(unique("listed"), "100");
        long creditOnly = newUser(unique("unlisted"), "100");
        consume(first);
        consume(second);
        long to = Instant.now().getEpochSecond() + 1;
        sleepUntil(to);

        List<Long> ids = new ArrayList<>();
        List<JsonNode> mine = new ArrayList<>();
        benefits("from", from, "to", to, "currency", "yuan").forEach(line -> {
            ids.add(line.get("user_id").asLong());
            if (line.get("user_id").asLong() == first || line.get("user_id").asLong() == second) {
                mine.add(line);
            }
        });
        assertThat(ids).isSorted().contains(first, second).doesNotContain(creditOnly);
        assertThat(mine).hasSize(2);
        mine.forEach(line -> assertLine(line, "yuan", "0.0578", "11.84", "80", "0.592", "91.1902"));
        // a user asked for by id is answered even without consumption
        assertLine(benefits("from", from, "to", to, "user_id", creditOnly).get(0), "euro", "0", "0", "0", "0", "0");
    }

    @Test
    void badInputIsRefusedAndNamed() {
        assertThat(admin().post("/admin/reports/benefits/", params("currency", "pound")).refused(400))
                .containsExactly("currency: must be one of euro, dollar, yuan, got 'pound'");
        assertThat(admin().post("/admin/reports/benefits/", params("user_id", 987654321L)).refused(404))
                .containsExactly("no user with user_id 987654321");
        assertThat(admin().post("/admin/reports/benefits/", params("from", 200, "to", 100)).refused(400))
                .containsExactly("from: must not be after to (100)");
        assertThat(admin().post("/admin/reports/benefits/", params("from", "yesterday")).refused(400)).hasSize(1)
                .allMatch(m -> m.startsWith("from: "));
        assertThat(admin().post("/admin/reports/benefits/", params("user", 1)).refused(400)).hasSize(1)
                .allMatch(m -> m.contains("user"));
    }

    private static void sleepUntil(long epochSecond) throws InterruptedException {
        long millis = epochSecond * 1000 - System.currentTimeMillis() + 5;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
