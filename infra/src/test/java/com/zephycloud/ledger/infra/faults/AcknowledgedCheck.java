package com.zephycloud.ledger.infra.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every acknowledged command has its event in the store (read through the feed, itself checked against the store). */
final class AcknowledgedCheck {

    private AcknowledgedCheck() {
    }

    static void check(Acknowledged acknowledged, List<JsonNode> events, CheckResult result) {
        Set<Acknowledged.Expected> stored = new HashSet<>();
        for (JsonNode event : events) {
            String type = event.get("type").asText();
            JsonNode payload = event.get("payload");
            JsonNode key = switch (type) {
                case "ledger.CreditConsumed" -> payload.get("description");
                case "ledger.CreditAdded" -> payload.get("reason");
                case "ledger.TransactionCanceled" -> payload.get("canceled_transaction_id");
                default -> type.startsWith("computations.") ? payload.get("job_id") : null;
            };
            if (key != null) {
                stored.add(new Acknowledged.Expected(type, key.asText()));
            }
        }
        Set<Acknowledged.Expected> expected = acknowledged.all();
        for (Acknowledged.Expected command : expected) {
            if (!stored.contains(command)) {
                result.lost(command.type() + " " + command.key());
            }
        }
        result.note("acknowledged commands so far: " + expected.size());
    }
}
