package com.zephycloud.ledger.infra.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.HistoryWriter;
import com.zephycloud.ledger.infra.support.LedgerHistory;
import com.zephycloud.ledger.infra.support.LedgerHistory.Recorded;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random ledgers over a few months (several transactions a second at times, some on whole
 * seconds and on UTC midnights, cancellations), random windows: every report keeps the balance
 * identity, its balances equal the sum of the written transactions up to each bound, and its
 * details equal a plain grouping of the transactions in (from, to].
 */
class ReportPropertyTest extends HistoryWriter {

    private static final long START = 1_735_689_600L; // 2025-01-01T00:00:00Z
    private static final long SPAN = 80 * 86_400L; // whole months, days and edges

    private record Written(LedgerHistory history, Map<String, String> projects) {
    }

    @Test
    void reportsOfRandomWindowsOverRandomLedgersAreExact() {
        long seed = Long.getLong("report.seed", System.nanoTime());
        Random random = new Random(seed);
        List<LedgerHistory> histories = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            histories.add(store(randomLedger(random, 20 + random.nextInt(60))));
        }
        for (LedgerHistory history : histories) {
            JsonNode audit = admin().post("/admin/audit/replay_balance/", params("user_id", history.userId().value())).ok();
            assertThat(audit.get("result").asText()).as("seed %s: %s", seed, audit).isEqualTo("consistent");
            assertThat(audit.get("entries_checked").asInt()).isEqualTo(history.recorded().size());
            for (int w = 0; w < 12; w++) {
                long a = randomSecond(random, history);
                long b = randomSecond(random, history);
                long from = Math.min(a, b);
                long to = Math.max(a, b);
                JsonNode report = admin().post("/admin/user/report/", params("user_id", history.userId().value(),
                        "from", from, "to", to)).ok();
                String where = "seed " + seed + ", user " + history.userId() + ", window (" + from + ", " + to + "]";
                UserReportApiTest.assertBalanceIdentity(report);
                assertThat(decimal(report.get("previous_balance"))).as(where).isEqualByComparingTo(replay(history, from));
                assertThat(decimal(report.get("current_balance"))).as(where).isEqualByComparingTo(replay(history, to));
                assertThat(grouped(report)).as(where).isEqualTo(expectedGroups(history, from, to));
                long date = randomSecond(random, history);
                JsonNode balance = admin().post("/admin/user/balance/", params("user_id", history.userId().value(),
                        "date", date)).ok();
                assertThat(decimal(balance.get("balance"))).as("%s, balance at %s; near: %s; api: %s", where, date, near(history, date), balance)
                        .isEqualByComparingTo(replay(history, date));
            }
        }
    }

    private LedgerHistory randomLedger(Random random, int size) {
        LedgerHistory h = history("prop", Instant.ofEpochSecond(START));
        long us = START * 1_000_000L;
        List<TransactionId> charges = new ArrayList<>();
        Map<TransactionId, Object[]> charged = new HashMap<>();
        for (int i = 0; i < size; i++) {
            us += switch (random.nextInt(4)) {
                case 0 -> random.nextInt(3) * 1000L; // the same millisecond or one of the next two
                case 1 -> 1_000_000L - us % 1_000_000L; // the next whole second
                case 2 -> 86_400_000_000L - us % 86_400_000_000L; // the next UTC midnight
                default -> (long) (random.nextDouble() * SPAN / size * 2_000_000L);
            };
            Instant at = Instant.EPOCH.plusNanos(us * 1000);
            int kind = random.nextInt(10);
            if (kind < 2 || h.balance().compareTo(Zephycoins.of("20")) < 0) {
                h.add(coins(random, 5000), random.nextBoolean() ? "Credit" : "Gift", at);
            } else if (kind < 9 || charges.isEmpty()) {
                String amount = coins(random, 1000);
                String project = "p" + random.nextInt(3);
                ChargeCategory category = ChargeCategory.values()[random.nextInt(4)];
                ChargeContext context = new ChargeContext(project, null, null, null,
                        random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(10_000)) : null,
                        random.nextBoolean() ? random.nextInt(5) : null, null);
                TransactionId id = h.consume(amount, category.json(), category, context, at);
                charges.add(id);
                charged.put(id, new Object[]{amount, category, context});
            } else {
                TransactionId original = charges.remove(random.nextInt(charges.size()));
                Object[] c = charged.get(original);
                h.cancel(original, Zephycoins.of((String) c[0]).negate(), (ChargeCategory) c[1], (ChargeContext) c[2],
                        "Canceled", at);
            }
        }
        return h;
    }

    private static String coins(Random random, int maxCents) {
        return BigDecimal.valueOf(1 + random.nextInt(maxCents * 1000), 5).toPlainString();
    }

    /** Mostly seconds of written transactions (the edge cases), sometimes any second. */
    private static long randomSecond(Random random, LedgerHistory history) {
        List<Recorded> recorded = history.recorded();
        if (random.nextInt(4) == 0 || recorded.isEmpty()) {
            return START - 10 + (long) (random.nextDouble() * (SPAN * 2));
        }
        Instant at = recorded.get(random.nextInt(recorded.size())).at();
        return at.getEpochSecond() + random.nextInt(3) - 1;
    }

    private static List<String> near(LedgerHistory history, long seconds) {
        List<String> lines = new ArrayList<>();
        for (Recorded r : history.recorded()) {
            if (Math.abs(r.at().getEpochSecond() - seconds) < 3) {
                lines.add(r.at() + " " + r.event().transactionId() + " " + r.event().signedAmount() + " -> " + r.event().balanceAfter());
            }
        }
        return lines;
    }

    private static BigDecimal replay(LedgerHistory history, long seconds) {
        BigDecimal balance = BigDecimal.ZERO;
        for (Recorded r : history.recorded()) {
            if (!r.at().isAfter(Instant.ofEpochSecond(seconds))) {
                balance = balance.add(r.event().signedAmount().value());
            }
        }
        return balance;
    }

    private static Map<String, BigDecimal> grouped(JsonNode report) {
        Map<String, BigDecimal> groups = new HashMap<>();
        report.get("details").forEach(d -> groups.put(d.get("description").asText() + "|" + d.get("project").asText(),
                decimal(d.get("amount")).stripTrailingZeros()));
        return groups;
    }

    private static Map<String, BigDecimal> expectedGroups(LedgerHistory history, long from, long to) {
        Map<String, BigDecimal> groups = new HashMap<>();
        for (Recorded r : history.recorded()) {
            if (r.at().isAfter(Instant.ofEpochSecond(from)) && !r.at().isAfter(Instant.ofEpochSecond(to))) {
                String key;
                if (r.event() instanceof CreditAdded e) {
                    key = e.reason() + "|null";
                } else if (r.event() instanceof CreditConsumed e) {
                    key = e.description() + "|" + e.context().projectUid();
                } else {
                    TransactionCanceled e = (TransactionCanceled) r.event();
                    key = e.reason() + "|" + e.context().projectUid();
                }
                groups.merge(key, r.event().signedAmount().value(), BigDecimal::add);
            }
        }
        groups.replaceAll((k, v) -> v.stripTrailingZeros());
        return groups;
    }
}
