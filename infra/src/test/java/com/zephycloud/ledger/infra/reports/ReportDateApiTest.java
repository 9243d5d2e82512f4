package com.zephycloud.ledger.infra.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.HistoryWriter;
import com.zephycloud.ledger.infra.support.LedgerHistory;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/** The report date is one value for the whole platform: only this class changes it. */
class ReportDateApiTest extends HistoryWriter {

    @Test
    void theSetDateIsReadBackAndIsTheDefaultStartOfReports() {
        Instant start = Instant.ofEpochSecond(1_600_000_000L);
        LedgerHistory h = history("dated", start);
        h.add("100", "Credit", start.plusSeconds(10));
        h.consume("30", "Storage", ChargeCategory.STORAGE, ChargeContext.NONE, start.plusSeconds(20));
        h.consume("5", "Storage", ChargeCategory.STORAGE, ChargeContext.NONE, start.plusSeconds(30));
        store(h);

        assertThat(admin().post("/admin/report/set_date/", params("date", start.getEpochSecond() + 20)).ok().asText())
                .isEqualTo("ok");
        assertThat(admin().get("/admin/report/get_date/", params()).ok().asLong())
                .isEqualTo(start.getEpochSecond() + 20);

        JsonNode report = admin().post("/admin/user/report/", params("user_id", h.userId().value())).ok();
        assertThat(decimal(report.get("previous_balance"))).isEqualByComparingTo("70");
        assertThat(decimal(report.get("current_balance"))).isEqualByComparingTo("65");
        assertThat(report.get("details")).hasSize(1);

        JsonNode users = admin().post("/admin/reports/users/", params()).ok();
        users.forEach(UserReportApiTest::assertBalanceIdentity);

        admin().post("/admin/report/set_date/", params("date", 1_500_000_000L)).ok();
        assertThat(admin().post("/admin/report/get_date/", params()).ok().asLong()).isEqualTo(1_500_000_000L);
        assertThat(decimal(admin().post("/admin/user/report/", params("user_id", h.userId().value())).ok()
                .get("previous_balance"))).isZero();
    }

    @Test
    void aDateInTheFutureOrMissingIsRefused() {
        long future = Instant.now().getEpochSecond() + 3600;
        assertThat(admin().post("/admin/report/set_date/", params("date", future)).refused(400).get(0))
                .startsWith("date: " + future + " is in the future");
        assertThat(admin().post("/admin/report/set_date/", params()).refused(400))
                .containsExactly("date: is required, expected a UTC timestamp in seconds");
        assertThat(admin().post("/admin/report/set_date/", params("date", -5)).refused(400))
                .containsExactly("date: expected a UTC timestamp in seconds from 0 to 253402300799"
                        + " (9999-12-31T23:59:59Z), got -5");
        // every admin route takes GET as well as POST, with the same checks (docs/api.md, "Paths and methods")
        assertThat(admin().get("/admin/report/set_date/", params("date", future)).refused(400).get(0))
                .startsWith("date: " + future + " is in the future");
        assertThat(admin().post("/admin/report/get_date/", params("date", 5)).refused(400).get(0))
                .startsWith("date: unknown parameter");
    }
}
