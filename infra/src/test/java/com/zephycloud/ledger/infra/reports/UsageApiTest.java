package com.zephycloud.ledger.infra.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.HistoryWriter;
import com.zephycloud.ledger.infra.support.LedgerHistory;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/** The worked example of docs/usage.md. */
class UsageApiTest extends HistoryWriter {

    private static final Instant MARCH = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void theWorkedExample() {
        LedgerHistory h = history("usage", MARCH);
        h.add("100", "Credit", MARCH.plusSeconds(1));
        h.consume("0.25", "Fixed price", ChargeCategory.FIXED_PRICE, ChargeContext.project("p1"), MARCH.plusSeconds(2));
        ChargeContext slice = new ChargeContext("p1", 54L, null, null, new BigDecimal("600"), null, null);
        TransactionId first = h.consume("0.12", "Slice 0", ChargeCategory.COMPUTATION, slice, MARCH.plusSeconds(3));
        h.consume("0.12", "Slice 1", ChargeCategory.COMPUTATION, slice, MARCH.plusSeconds(303));
        h.consume("2.5", "Storage", ChargeCategory.STORAGE, new ChargeContext("p1", null, null, null, null, 1, 2),
                Instant.parse("2026-03-31T23:59:59.999Z"));
        h.cancel(first, Zephycoins.of("-0.12"), ChargeCategory.COMPUTATION, slice, "Canceled",
                Instant.parse("2026-04-01T00:00:00Z"));
        store(h);
        JsonNode usage = admin().post("/admin/reports/usage/", params("user_id", h.userId().value(),
                "from", Instant.parse("2026-03-01T00:00:00Z").getEpochSecond(),
                "to", Instant.parse("2026-04-30T00:00:00Z").getEpochSecond())).ok();
        JsonNode lines = usage.get("lines");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("month").asText()).isEqualTo("2026-03");
        assertThat(lines.get(0).get("project").isNull()).isTrue();
        assertThat(decimal(lines.get(0).get("credits"))).isEqualByComparingTo("100");
        JsonNode march = lines.get(1);
        assertThat(march.get("project").asText()).isEqualTo("p1");
        assertThat(decimal(march.get("fixed_price"))).isEqualByComparingTo("0.25");
        assertThat(decimal(march.at("/computing/coins"))).isEqualByComparingTo("0.24");
        assertThat(decimal(march.at("/computing/core_seconds"))).isEqualByComparingTo("1200");
        assertThat(march.at("/computing/slices").asLong()).isEqualTo(2);
        assertThat(decimal(march.at("/storage/coins"))).isEqualByComparingTo("2.5");
        assertThat(march.at("/storage/mesh_count").asLong()).isEqualTo(2);
        assertThat(march.at("/storage/calc_count").asLong()).isEqualTo(1);
        assertThat(decimal(march.get("ledger_total"))).isEqualByComparingTo("-2.99");
        JsonNode april = lines.get(2);
        assertThat(april.get("month").asText()).isEqualTo("2026-04");
        assertThat(decimal(april.at("/cancellations/coins"))).isEqualByComparingTo("0.12");
        assertThat(april.at("/cancellations/count").asLong()).isEqualTo(1);
        assertThat(decimal(april.get("ledger_total"))).isEqualByComparingTo("0.12");
        assertThat(decimal(usage.at("/totals/ledger_total"))).isEqualByComparingTo("97.13");
        assertThat(usage.at("/totals/transactions").asLong()).isEqualTo(6);
        JsonNode balance = admin().post("/admin/user/balance/", params("user_id", h.userId().value())).ok();
        assertThat(decimal(balance.get("balance"))).isEqualByComparingTo("97.13");
    }
}
