package com.zephycloud.ledger.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.HistoryWriter;
import com.zephycloud.ledger.infra.support.LedgerHistory;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

class BalanceReplayApiTest extends HistoryWriter {

    @Autowired
    private JdbcTemplate jdbc;

    private LedgerHistory threeEntries() {
        Instant at = Instant.ofEpochSecond(1_700_000_000L);
        LedgerHistory h = history("audited", at);
        h.add("100", "Credit", at.plusSeconds(1));
        h.consume("12.5", "Storage", ChargeCategory.STORAGE, ChargeContext.NONE, at.plusSeconds(2));
        h.consume("0.25", "Storage", ChargeCategory.STORAGE, ChargeContext.NONE, at.plusSeconds(3));
        return store(h);
    }

    private JsonNode replay(long userId) {
        return admin().post("/admin/audit/replay_balance/", params("user_id", userId)).ok();
    }

    @Test
    void aProjectedHistoryIsConsistentWithItsEvents() {
        LedgerHistory h = threeEntries();
        JsonNode audit = replay(h.userId().value());
        assertThat(audit.get("result").asText()).isEqualTo("consistent");
        assertThat(audit.get("entries_checked").asLong()).isEqualTo(3);
        assertThat(decimal(audit.get("balance"))).isEqualByComparingTo("87.25");
        assertThat(audit.get("divergence").isNull()).isTrue();
    }

    @Test
    void commandsSentThroughTheApiReplayConsistently() {
        long user = newUser(unique("cmd"), "10");
        admin().post("/admin/user/consume/", params("user_id", user, "amount", "4", "description", "Storage")).ok();
        admin().post("/admin/user/credit/add/", params("user_id", user, "nbr_coins", "1.5", "reason", "Gift")).ok();
        JsonNode audit = replay(user);
        assertThat(audit.get("result").asText()).isEqualTo("consistent");
        assertThat(audit.get("entries_checked").asLong()).isEqualTo(3);
        assertThat(decimal(audit.get("balance"))).isEqualByComparingTo("7.5");
    }

    @Test
    void aTamperedBalanceIsTheFirstDivergence() {
        LedgerHistory h = threeEntries();
        TransactionId second = h.recorded().get(1).event().transactionId();
        replay(h.userId().value()); // the projection has written the history
        jdbc.update("UPDATE ledger_transactions SET balance_after = balance_after + 1 WHERE id >= ? AND user_id = ?",
                second.value(), h.userId().value());
        JsonNode audit;
        try {
            audit = replay(h.userId().value());
        } finally { // the other tests share this read model
            jdbc.update("UPDATE ledger_transactions SET balance_after = balance_after - 1 WHERE id >= ? AND user_id = ?",
                    second.value(), h.userId().value());
        }

        assertThat(audit.get("result").asText()).isEqualTo("divergent");
        assertThat(audit.get("entries_checked").asLong()).isEqualTo(1);
        JsonNode divergence = audit.get("divergence");
        assertThat(divergence.get("transaction_id").asLong()).isEqualTo(second.value());
        assertThat(divergence.get("sequence").asLong()).isEqualTo(2);
        assertThat(divergence.get("field").asText()).isEqualTo("balance_after");
        assertThat(divergence.get("expected").asText()).isEqualTo("87.5");
        assertThat(divergence.get("found").asText()).isEqualTo("88.5");
    }

    @Test
    void aMissingRowIsADivergence() {
        LedgerHistory h = threeEntries();
        TransactionId last = h.recorded().get(2).event().transactionId();
        replay(h.userId().value()); // the projection has written the history
        // the row goes to no user for the time of the replay: the other tests share this read model
        jdbc.update("UPDATE ledger_transactions SET user_id = -user_id WHERE id = ?", last.value());
        JsonNode divergence;
        try {
            divergence = replay(h.userId().value()).get("divergence");
        } finally {
            jdbc.update("UPDATE ledger_transactions SET user_id = -user_id WHERE id = ?", last.value());
        }

        assertThat(divergence.get("field").asText()).isEqualTo("row");
        assertThat(divergence.get("expected").asText()).isEqualTo("transaction " + last);
        assertThat(divergence.get("found").isNull()).isTrue();
    }

    @Test
    void anUnknownUserIsA404AndTheUserIdIsRequired() {
        assertThat(admin().post("/admin/audit/replay_balance/", params("user_id", 876_543_210)).refused(404))
                .containsExactly("no user with user_id 876543210");
        assertThat(admin().post("/admin/audit/replay_balance/", params()).refused(400))
                .containsExactly("user_id: is required, expected a positive integer");
    }
}
