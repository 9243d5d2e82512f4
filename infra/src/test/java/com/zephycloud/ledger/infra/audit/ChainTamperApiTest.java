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

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audit/verify_chain} recomputes a user's chain from the event store: one altered row of
 * the chain's read model, one altered event payload, one altered signed head are each reported at
 * the transaction where they are. Every test puts back what it altered (the database is shared).
 */
class ChainTamperApiTest extends HistoryWriter {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    @Autowired
    private JdbcTemplate jdbc;

    private record Written(LedgerHistory history, TransactionId[] ids) {
        long user() {
            return history.userId().value();
        }
    }

    private Written fiveTransactions() {
        LedgerHistory h = history("tamper", T0);
        TransactionId[] ids = {
                h.add("100", "Credit", T0.plusSeconds(1)),
                h.consume("12.5", "Storage", ChargeCategory.STORAGE, ChargeContext.project("p"), T0.plusSeconds(2)),
                h.add("7.25", "Gift", T0.plusSeconds(3)),
                h.consume("0.125", "Render", ChargeCategory.COMPUTATION, ChargeContext.project("p"), T0.plusSeconds(4)),
                h.add("1", "Credit", T0.plusSeconds(5)),
        };
        store(h);
        Written written = new Written(h, ids);
        // the read models have caught up with the history before anything is altered
        assertThat(verify(written.user()).get("result").asText()).isEqualTo("intact");
        return written;
    }

    private JsonNode verify(long user) {
        return admin().post("/admin/audit/verify_chain/", params("user_id", user)).ok();
    }

    @Test
    void anUntouchedChainIsIntactAndEndsAtItsHead() {
        Written w = fiveTransactions();
        JsonNode audit = verify(w.user());
        assertThat(audit.get("result").asText()).isEqualTo("intact");
        assertThat(audit.get("links_checked").asLong()).isEqualTo(5);
        assertThat(audit.get("first_break").isNull()).isTrue();
        JsonNode head = admin().post("/admin/audit/chain_head/", params("user_id", w.user())).ok();
        assertThat(audit.get("head").asText()).isEqualTo(head.get("hash").asText());
    }

    @Test
    void anAlteredRowOfTheReadModelIsFoundAtItsTransaction() {
        Written w = fiveTransactions();
        long third = w.ids()[2].value();
        jdbc.update("UPDATE ledger_chain SET amount = amount + 1 WHERE transaction_id = ?", third);
        try {
            JsonNode audit = verify(w.user());
            assertThat(audit.get("result").asText()).isEqualTo("broken");
            JsonNode found = audit.get("first_break");
            assertThat(found.get("transaction_id").asLong()).isEqualTo(third);
            assertThat(found.get("field").asText()).isEqualTo("amount");
            assertThat(found.get("expected").asText()).isEqualTo("7.25");
            assertThat(found.get("found").asText()).isEqualTo("8.25");
            assertThat(found.get("where").asText()).isEqualTo("ledger_chain");
        } finally {
            jdbc.update("UPDATE ledger_chain SET amount = amount - 1 WHERE transaction_id = ?", third);
        }
        assertThat(verify(w.user()).get("result").asText()).isEqualTo("intact");

        String hash = jdbc.queryForObject("SELECT hash FROM ledger_chain WHERE transaction_id = ?", String.class, third);
        jdbc.update("UPDATE ledger_chain SET hash = ? WHERE transaction_id = ?", "f".repeat(64), third);
        try {
            JsonNode found = verify(w.user()).get("first_break");
            assertThat(found.get("transaction_id").asLong()).isEqualTo(third);
            assertThat(found.get("field").asText()).isEqualTo("hash");
        } finally {
            jdbc.update("UPDATE ledger_chain SET hash = ? WHERE transaction_id = ?", hash, third);
        }
    }

    @Test
    void anAlteredEventPayloadIsFoundAtItsTransaction() {
        Written w = fiveTransactions();
        long fourth = w.ids()[3].value();
        // the fourth transaction is the user's fifth event (registration first)
        String sql = "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 4";
        byte[] original = jdbc.queryForObject(sql, byte[].class, "user:" + w.user());
        String payload = new String(original, StandardCharsets.UTF_8);
        assertThat(payload).contains("\"Render\"");
        byte[] altered = payload.replace("\"Render\"", "\"Rendez\"").getBytes(StandardCharsets.UTF_8);
        String write = "UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = 4";
        jdbc.update(write, altered, "user:" + w.user());
        try {
            JsonNode audit = verify(w.user());
            assertThat(audit.get("result").asText()).isEqualTo("broken");
            JsonNode found = audit.get("first_break");
            assertThat(found.get("transaction_id").asLong()).isEqualTo(fourth);
            assertThat(found.get("sequence").asLong()).isEqualTo(4);
            assertThat(found.get("field").asText()).isEqualTo("description_sha256");
            assertThat(found.get("expected").asText()).isEqualTo(OfflineProofVerifier.sha256("Rendez"));
            assertThat(found.get("found").asText()).isEqualTo(OfflineProofVerifier.sha256("Render"));
            assertThat(audit.get("links_checked").asLong()).isEqualTo(3);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            jdbc.update(write, original, "user:" + w.user());
        }
        assertThat(verify(w.user()).get("result").asText()).isEqualTo("intact");
    }

    @Test
    void anAlteredAmountInAnEventContradictsItsBalance() {
        Written w = fiveTransactions();
        String sql = "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2";
        byte[] original = jdbc.queryForObject(sql, byte[].class, "user:" + w.user());
        String payload = new String(original, StandardCharsets.UTF_8);
        String altered = payload.replaceFirst("\"amount\":12\\.5\\b", "\"amount\":2.5");
        assertThat(altered).as(payload).isNotEqualTo(payload);
        String write = "UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = 2";
        jdbc.update(write, altered.getBytes(StandardCharsets.UTF_8), "user:" + w.user());
        try {
            JsonNode found = verify(w.user()).get("first_break");
            assertThat(found.get("transaction_id").asLong()).isEqualTo(w.ids()[1].value());
            assertThat(found.get("field").asText()).isEqualTo("balance_after");
            assertThat(found.get("where").asText()).isEqualTo("event_store");
        } finally {
            jdbc.update(write, original, "user:" + w.user());
        }
    }

    @Test
    void aSignedHeadTheEventsDoNotReachIsABreak() {
        Written w = fiveTransactions();
        long checkpoint = admin().post("/admin/audit/checkpoint/", params()).ok().get("checkpoint_id").asLong();
        assertThat(verify(w.user()).get("checkpoint_id").asLong()).isEqualTo(checkpoint);
        String update = "UPDATE ledger_checkpoint_leaf SET head = ? WHERE checkpoint_id = ? AND user_id = ?";
        String head = jdbc.queryForObject("SELECT head FROM ledger_checkpoint_leaf WHERE checkpoint_id = ?"
                + " AND user_id = ?", String.class, checkpoint, w.user());
        jdbc.update(update, "e".repeat(64), checkpoint, w.user());
        try {
            JsonNode found = verify(w.user()).get("first_break");
            assertThat(found.get("where").asText()).isEqualTo("checkpoint " + checkpoint);
            assertThat(found.get("sequence").asLong()).isEqualTo(5);
            assertThat(found.get("expected").asText()).isEqualTo(head);
        } finally {
            jdbc.update(update, head, checkpoint, w.user());
        }
        assertThat(admin().post("/admin/audit/verify_chain/", params("user_id", 987_654_321L)).refused(404)).isNotEmpty();
    }
}
