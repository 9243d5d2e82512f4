package com.zephycloud.ledger.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.HistoryWriter;
import com.zephycloud.ledger.infra.support.LedgerHistory;
import com.zephycloud.ledger.infra.support.ReadModelChecksum;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectionRebuildApiTest extends HistoryWriter {

    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void rebuildingAllProjectionsLeavesEveryReadModelIdenticalAndReportsProgress() throws InterruptedException {
        writeSomeHistory();
        // A first rebuild heals whatever other tests did to the read models behind the events' back.
        finish(admin().post("/admin/audit/rebuild/", params()).ok());
        Map<String, String> before = ReadModelChecksum.of(dataSource);
        assertThat(before).containsKeys("users", "ledger_transactions", "report_daily_sums", "report_monthly_sums", "report_date");

        JsonNode started = admin().post("/admin/audit/rebuild/", params()).ok();
        assertThat(started.get("state").asText()).isIn("running", "finished");
        List<String> names = new ArrayList<>();
        started.get("projections").forEach(p -> names.add(p.get("projection").asText()));
        assertThat(names).contains("users", "transactions", "report-period-sums", "report-date")
                .doesNotContain("ledger-entry-register");
        JsonNode finished = finish(started);

        assertThat(finished.get("events_done").asLong()).isEqualTo(finished.get("events_total").asLong())
                .isPositive();
        assertThat(finished.get("events_per_second").asDouble()).isPositive();
        assertThat(finished.get("eta_seconds").asDouble()).isZero();
        assertThat(ReadModelChecksum.of(dataSource)).isEqualTo(before);
    }

    @Test
    void oneProjectionCanBeRebuiltAlone() throws InterruptedException {
        writeSomeHistory();
        finish(admin().post("/admin/audit/rebuild/", params()).ok());
        Map<String, String> before = ReadModelChecksum.of(dataSource);

        JsonNode started = admin().post("/admin/audit/rebuild/", params("projection", "report-period-sums")).ok();
        // marked from the answer on (stopping the processors alone takes longer than this read)
        assertThat(jdbc.queryForList("SELECT processor_name FROM projection_rebuild", String.class))
                .containsExactly("report-period-sums");
        JsonNode finished = finish(started);

        assertThat(finished.get("projections")).hasSize(1);
        assertThat(ReadModelChecksum.of(dataSource)).isEqualTo(before);
    }

    @Test
    void theRegisterAndUnknownNamesAreRefused() {
        assertThat(admin().post("/admin/audit/rebuild/", params("projection", "ledger-entry-register")).refused(400)
                .get(0)).startsWith("projection: 'ledger-entry-register' is not a projection; allowed: ")
                .endsWith("(ledger-entry-register is a register of the command side, never reset)");
        assertThat(admin().post("/admin/audit/rebuild/", params("projection", "nope")).refused(400).get(0))
                .startsWith("projection: 'nope' is not a projection; allowed: ")
                .contains("benefit-slice-costs", "report-date", "report-period-sums", "transactions", "users")
                .doesNotContain("ledger-entry-register");
        assertThat(admin().get("/admin/audit/rebuild_status/", params("x", 1)).refused(400).get(0))
                .startsWith("x: unknown parameter");
    }

    private void writeSomeHistory() {
        Instant at = Instant.ofEpochSecond(1_720_000_000L);
        LedgerHistory h = history("rebuilt", at);
        h.add("1000", "Credit", at.plusSeconds(1));
        for (int i = 0; i < 30; i++) {
            var id = h.consume("1.5", "Computation", ChargeCategory.COMPUTATION,
                    new ChargeContext("p", 7L, null, null, BigDecimal.TEN, null, null), at.plusSeconds(3600L * i + 5));
            if (i % 7 == 0) {
                h.cancel(id, Zephycoins.of("-1.5"), ChargeCategory.COMPUTATION,
                        new ChargeContext("p", 7L, null, null, BigDecimal.TEN, null, null), "Refund",
                        at.plusSeconds(3600L * i + 6));
            }
        }
        store(h);
        long user = newUser(unique("cmd"), "10");
        admin().post("/admin/user/consume/", params("user_id", user, "amount", "4", "description", "Storage")).ok();
        admin().post("/admin/report/set_date/", params("date", 1_500_000_000L)).ok();
        admin().post("/admin/user/report/", params("user_id", user, "from", 0)).ok(); // projections caught up
    }

    private JsonNode finish(JsonNode status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (status.get("state").asText().equals("running")) {
            assertThat(System.currentTimeMillis()).as("rebuild still running: %s", status).isLessThan(deadline);
            assertThat(status.get("events_done").asLong()).isLessThanOrEqualTo(status.get("events_total").asLong());
            Thread.sleep(50);
            status = admin().get("/admin/audit/rebuild_status/", params()).ok();
        }
        assertThat(status.get("state").asText()).as("%s", status).isEqualTo("finished");
        assertThat(jdbc.queryForList("SELECT processor_name FROM projection_rebuild", String.class))
                .as("projections still marked as being rebuilt").isEmpty();
        return status;
    }
}
