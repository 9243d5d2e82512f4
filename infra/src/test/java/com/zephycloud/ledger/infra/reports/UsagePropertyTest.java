package com.zephycloud.ledger.infra.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.HistoryWriter;
import com.zephycloud.ledger.infra.support.LedgerHistory;
import com.zephycloud.ledger.infra.support.LedgerHistory.Recorded;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random ledgers over a few months (credits, removals, every charge category, cancellations, some
 * on UTC midnights and month ends), random windows: the usage lines of each user add up to the
 * sum of its {@code ledger_transactions} amounts in the same window, each line's parts add up to
 * its total, and each (month, project) line equals a plain grouping of the written transactions;
 * the all-users answer holds the same lines.
 */
class UsagePropertyTest extends HistoryWriter {

    private static final long START = 1_735_689_600L; // 2025-01-01T00:00:00Z
    private static final long SPAN = 100 * 86_400L;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void usageOfRandomWindowsAddsUpToTheLedger() {
        long seed = Long.getLong("usage.seed", System.nanoTime());
        Random random = new Random(seed);
        List<LedgerHistory> histories = new ArrayList<>();
        for (int u = 0; u < 3; u++) {
            histories.add(store(randomLedger(random, 30 + random.nextInt(50))));
        }
        for (int w = 0; w < 10; w++) {
            long a = randomSecond(random, histories.get(random.nextInt(histories.size())));
            long b = randomSecond(random, histories.get(random.nextInt(histories.size())));
            long from = Math.min(a, b);
            long to = Math.max(a, b);
            JsonNode all = admin().post("/admin/reports/usage/", params("from", from, "to", to)).ok();
            for (LedgerHistory history : histories) {
                long user = history.userId().value();
                String where = "seed " + seed + ", user " + user + ", window (" + from + ", " + to + "]";
                JsonNode usage = admin().post("/admin/reports/usage/", params("user_id", user, "from", from, "to", to))
                        .ok();
                BigDecimal ledger = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM ledger_transactions"
                                + " WHERE user_id = ? AND occurred_us > ? AND occurred_us <= ?", BigDecimal.class, user,
                        from * 1_000_000L, to * 1_000_000L);
                BigDecimal sum = BigDecimal.ZERO;
                Map<String, BigDecimal> lines = new HashMap<>();
                for (JsonNode line : usage.get("lines")) {
                    assertThat(line.get("user_id").asLong()).isEqualTo(user);
                    assertPartsAddUp(line, where);
                    sum = sum.add(decimal(line.get("ledger_total")));
                    lines.put(key(line), decimal(line.get("ledger_total")).stripTrailingZeros());
                    lines.put(key(line) + "|computation", decimal(line.at("/computing/coins")).stripTrailingZeros());
                    lines.put(key(line) + "|cores", decimal(line.at("/computing/core_seconds")).stripTrailingZeros());
                }
                assertThat(sum).as(where).isEqualByComparingTo(ledger);
                assertThat(decimal(usage.at("/totals/ledger_total"))).as(where).isEqualByComparingTo(ledger);
                assertThat(lines).as(where).isEqualTo(expected(history, from, to));
                List<JsonNode> mine = new ArrayList<>();
                all.get("lines").forEach(line -> {
                    if (line.get("user_id").asLong() == user) {
                        mine.add(line);
                    }
                });
                List<JsonNode> alone = new ArrayList<>();
                usage.get("lines").forEach(alone::add);
                assertThat(mine).as(where).isEqualTo(alone);
            }
        }
        assertThat(admin().post("/admin/reports/usage/", params("user_id", 987_654_321L)).refused(404)).isNotEmpty();
        assertThat(admin().post("/admin/reports/usage/", params("from", 10, "to", 5)).refused(400)).isNotEmpty();
    }

    private static void assertPartsAddUp(JsonNode line, String where) {
        BigDecimal parts = decimal(line.get("credits")).subtract(decimal(line.get("credits_removed")))
                .subtract(decimal(line.get("manual"))).subtract(decimal(line.get("fixed_price")))
                .subtract(decimal(line.at("/computing/coins"))).subtract(decimal(line.at("/storage/coins")))
                .add(decimal(line.at("/cancellations/coins")));
        assertThat(parts).as("%s: %s", where, line).isEqualByComparingTo(decimal(line.get("ledger_total")));
    }

    private static String key(JsonNode line) {
        return line.get("month").asText() + "|" + (line.get("project").isNull() ? "-" : line.get("project").asText());
    }

    /** The same lines from the written history: net total, computing coins and core seconds per month and project. */
    private static Map<String, BigDecimal> expected(LedgerHistory history, long from, long to) {
        Map<String, BigDecimal> lines = new HashMap<>();
        for (Recorded r : history.recorded()) {
            if (!r.at().isAfter(Instant.ofEpochSecond(from)) || r.at().isAfter(Instant.ofEpochSecond(to))) {
                continue;
            }
            ChargeContext context = r.event() instanceof CreditConsumed c ? c.context()
                    : r.event() instanceof TransactionCanceled c ? c.context() : ChargeContext.NONE;
            String key = YearMonth.from(r.at().atZone(ZoneOffset.UTC)) + "|"
                    + (context.projectUid() == null ? "-" : context.projectUid());
            lines.merge(key, r.event().signedAmount().value(), BigDecimal::add);
            lines.putIfAbsent(key + "|computation", BigDecimal.ZERO);
            lines.putIfAbsent(key + "|cores", BigDecimal.ZERO);
            if (r.event() instanceof CreditConsumed c && c.category() == ChargeCategory.COMPUTATION) {
                lines.merge(key + "|computation", c.amount().value(), BigDecimal::add);
                if (context.coresPerSec() != null) {
                    lines.merge(key + "|cores", context.coresPerSec(), BigDecimal::add);
                }
            }
        }
        lines.replaceAll((k, v) -> v.stripTrailingZeros());
        return lines;
    }

    private LedgerHistory randomLedger(Random random, int size) {
        LedgerHistory h = history("usage", Instant.ofEpochSecond(START));
        long us = START * 1_000_000L;
        List<Object[]> charges = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            us += switch (random.nextInt(4)) {
                case 0 -> random.nextInt(3) * 1000L;
                case 1 -> 86_400_000_000L - us % 86_400_000_000L; // the next UTC midnight
                default -> (long) (random.nextDouble() * SPAN / size * 2_000_000L);
            };
            Instant at = Instant.EPOCH.plusNanos(us * 1000);
            int kind = random.nextInt(12);
            if (kind < 2 || h.balance().compareTo(Zephycoins.of("20")) < 0) {
                h.add(coins(random, 5000), "Credit", at);
            } else if (kind == 2) {
                h.remove(coins(random, 100), "Taken back", at);
            } else if (kind < 11 || charges.isEmpty()) {
                String amount = coins(random, 1000);
                ChargeCategory category = ChargeCategory.values()[random.nextInt(4)];
                ChargeContext context = new ChargeContext(random.nextInt(4) == 0 ? null : "p" + random.nextInt(3), null,
                        null, null, category == ChargeCategory.COMPUTATION ? BigDecimal.valueOf(random.nextInt(10_000))
                        : null, category == ChargeCategory.STORAGE ? random.nextInt(5) : null,
                        category == ChargeCategory.STORAGE ? random.nextInt(3) : null);
                TransactionId id = h.consume(amount, category.json(), category, context, at);
                charges.add(new Object[]{id, amount, category, context});
            } else {
                Object[] c = charges.remove(random.nextInt(charges.size()));
                h.cancel((TransactionId) c[0], Zephycoins.of((String) c[1]).negate(), (ChargeCategory) c[2],
                        (ChargeContext) c[3], "Canceled", at);
            }
        }
        return h;
    }

    private static String coins(Random random, int maxCents) {
        return BigDecimal.valueOf(1 + random.nextInt(maxCents * 1000), 5).toPlainString();
    }

    private static long randomSecond(Random random, LedgerHistory history) {
        List<Recorded> recorded = history.recorded();
        if (random.nextInt(3) == 0) {
            return START - 10 + (long) (random.nextDouble() * (SPAN * 1.5));
        }
        return recorded.get(random.nextInt(recorded.size())).at().getEpochSecond() + random.nextInt(3) - 1;
    }
}
