package com.zephycloud.ledger.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.HistoryWriter;
import com.zephycloud.ledger.infra.support.LedgerHistory;
import com.zephycloud.ledger.infra.support.TestDatabase;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chain heads, checkpoints and inclusion proofs over HTTP, each proof checked the way an auditor
 * would, offline ({@link OfflineProofVerifier}, JDK classes only, on the raw answer).
 */
class ChainProofApiTest extends HistoryWriter {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void everyTransactionHasAProofThatAnAuditorChecksOffline() throws Exception {
        LedgerHistory history = history("chain", T0);
        List<TransactionId> ids = new ArrayList<>();
        ids.add(history.add("100", "Initial credit", T0.plusSeconds(1)));
        TransactionId render = history.consume("2.5", "render job", ChargeCategory.COMPUTATION,
                ChargeContext.project("p1"), T0.plusSeconds(2));
        ids.add(render);
        ids.add(history.add("10.00000001", "Gift", T0.plusSeconds(3)));
        ids.add(history.cancel(render, Zephycoins.of("-2.5"), ChargeCategory.COMPUTATION, ChargeContext.project("p1"),
                "Canceled", T0.plusSeconds(4)));
        store(history);
        for (int other = 0; other < 4; other++) {
            LedgerHistory neighbour = history("leaf", T0);
            neighbour.add(Integer.toString(other + 1), "Credit", T0.plusSeconds(5));
            store(neighbour);
        }
        JsonNode checkpoint = admin().post("/admin/audit/checkpoint/", params()).ok();
        assertThat(checkpoint.get("leaf_count").asLong()).isGreaterThanOrEqualTo(5);

        for (TransactionId id : ids) {
            String answer = rawProof(id.value());
            assertThat(OfflineProofVerifier.check(answer, checkpoint.get("public_key").asText()))
                    .as("proof of %s: %s", id, answer).isNull();
        }
        JsonNode proof = admin().post("/admin/audit/chain_proof/", params("transaction_id", render.value())).ok();
        assertThat(proof.get("links")).hasSize(3);
        assertThat(proof.at("/links/0/amount").asText()).isEqualTo("-2.5");
        assertThat(proof.at("/links/0/description_sha256").asText())
                .isEqualTo(OfflineProofVerifier.sha256("render job"));
        assertThat(proof.at("/links/1/amount").asText()).isEqualTo("10.00000001");
        assertThat(proof.at("/links/0/occurred_us").asLong()).isEqualTo(T0.plusSeconds(2).toEpochMilli() * 1000);

        String altered = rawProof(render.value()).replace("\"amount\":\"-2.5\"", "\"amount\":\"-2.4\"");
        assertThat(OfflineProofVerifier.check(altered, null)).contains("do not hash");
        String otherKey = Base64.getEncoder().encodeToString(java.security.KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair().getPublic().getEncoded());
        String resigned = rawProof(render.value()).replace(checkpoint.get("public_key").asText(), otherKey);
        assertThat(OfflineProofVerifier.check(resigned, null)).contains("signature");
    }

    @Test
    void theHeadAtADateIsTheLastLinkStampedByThen() {
        LedgerHistory history = history("head", T0);
        history.add("5", "Credit", T0.plusSeconds(10));
        history.add("7", "Credit", T0.plusSeconds(20));
        store(history);
        long user = history.userId().value();
        JsonNode before = admin().post("/admin/audit/chain_head/", params("user_id", user,
                "date", T0.getEpochSecond() + 5)).ok();
        assertThat(before.get("hash").asText()).isEqualTo("0".repeat(64));
        assertThat(before.get("sequence").isNull()).isTrue();
        JsonNode first = admin().post("/admin/audit/chain_head/", params("user_id", user,
                "date", T0.getEpochSecond() + 15)).ok();
        JsonNode now = admin().post("/admin/audit/chain_head/", params("user_id", user)).ok();
        assertThat(first.get("sequence").asLong()).isEqualTo(1);
        assertThat(now.get("sequence").asLong()).isEqualTo(2);
        JsonNode proof = admin().post("/admin/audit/checkpoint/", params()).ok();
        assertThat(proof).isNotNull();
        JsonNode links = admin().post("/admin/audit/chain_proof/", params("transaction_id",
                first.get("transaction_id").asLong())).ok().get("links");
        assertThat(links.get(0).get("hash").asText()).isEqualTo(first.get("hash").asText());
        assertThat(links.get(1).get("hash").asText()).isEqualTo(now.get("hash").asText());
        assertThat(admin().post("/admin/audit/chain_head/", params("user_id", 987_654_321L)).refused(404)).isNotEmpty();
        assertThat(admin().post("/admin/audit/chain_head/", params("user_id", "seven")).refused(400)).isNotEmpty();
    }

    @Test
    void aTransactionAfterTheLatestCheckpointIsCoveredByTheNextOneMadeOnceByConcurrentCalls() throws Exception {
        admin().post("/admin/audit/checkpoint/", params()).ok();
        LedgerHistory history = history("late", T0);
        TransactionId late = history.add("3", "Credit", T0.plusSeconds(1));
        store(history);
        assertThat(admin().post("/admin/audit/chain_proof/", params("transaction_id", late.value())).refused(409))
                .anySatisfy(message -> assertThat(message).contains("not in checkpoint"));
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_checkpoint", Long.class);
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> admin().post("/admin/audit/checkpoint/", params()).ok()));
        }
        List<Long> made = calls.stream().map(call -> call.join().get("checkpoint_id").asLong()).distinct().toList();
        assertThat(made).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_checkpoint", Long.class)).isEqualTo(before + 1);
        assertThat(OfflineProofVerifier.check(rawProof(late.value()), null)).isNull();
        assertThat(admin().post("/admin/audit/chain_proof/", params("transaction_id", late.value(),
                "checkpoint_id", made.get(0) + 1000)).refused(404)).isNotEmpty();
        assertThat(admin().post("/admin/audit/chain_proof/", params("transaction_id", -1)).refused(400)).isNotEmpty();
    }

    /** The answer as bytes on the wire, fetched with the JDK's own client. */
    private String rawProof(long transactionId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/admin/audit/chain_proof?transaction_id=" + transactionId))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + TestDatabase.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
