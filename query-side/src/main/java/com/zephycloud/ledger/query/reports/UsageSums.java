package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.Zephycoins;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The sums of one usage line (or of the totals) as the parts of the window are added to it. */
final class UsageSums {

    /** The sums of one usage kind over one part of the window; amounts are signed, as in the ledger. */
    record Part(String kind, BigDecimal amount, BigDecimal coresPerSec, long calcCount, long meshCount, long entries) {
    }

    private BigDecimal fixedPrice = BigDecimal.ZERO;
    private BigDecimal coreSeconds = BigDecimal.ZERO;
    private BigDecimal computing = BigDecimal.ZERO;
    private long slices;
    private BigDecimal storage = BigDecimal.ZERO;
    private long meshCount;
    private long calcCount;
    private long storageCharges;
    private BigDecimal manual = BigDecimal.ZERO;
    private BigDecimal cancellations = BigDecimal.ZERO;
    private long canceled;
    private BigDecimal credits = BigDecimal.ZERO;
    private BigDecimal removed = BigDecimal.ZERO;
    private BigDecimal total = BigDecimal.ZERO;
    private long transactions;

    void add(Part part) {
        total = total.add(part.amount());
        transactions += part.entries();
        BigDecimal spent = part.amount().negate();
        if (part.kind().startsWith(UsageKind.CANCELED)) {
            cancellations = cancellations.add(part.amount());
            canceled += part.entries();
        } else if (part.kind().equals(UsageKind.CREDIT)) {
            credits = credits.add(part.amount());
        } else if (part.kind().equals(UsageKind.CREDIT_REMOVED)) {
            removed = removed.add(spent);
        } else {
            switch (ChargeCategory.parse(part.kind())) {
                case FIXED_PRICE -> fixedPrice = fixedPrice.add(spent);
                case COMPUTATION -> {
                    computing = computing.add(spent);
                    coreSeconds = coreSeconds.add(part.coresPerSec());
                    slices += part.entries();
                }
                case STORAGE -> {
                    storage = storage.add(spent);
                    meshCount += part.meshCount();
                    calcCount += part.calcCount();
                    storageCharges += part.entries();
                }
                case MANUAL -> manual = manual.add(spent);
            }
        }
    }

    UsageLine line(long userId, Long monthUs, String project) {
        String month = monthUs == null ? null
                : YearMonth.from(Instant.ofEpochSecond(Micros.toEpochSeconds(monthUs)).atZone(ZoneOffset.UTC)).toString();
        long monthStart = monthUs == null ? 0 : Micros.toEpochSeconds(monthUs);
        return new UsageLine(userId, month, monthStart, project, coins(fixedPrice),
                new UsageLine.Computing(coreSeconds.stripTrailingZeros(), coins(computing), slices),
                new UsageLine.Storage(coins(storage), meshCount, calcCount, storageCharges), coins(manual),
                new UsageLine.Cancellations(coins(cancellations), canceled), coins(credits), coins(removed),
                coins(total), transactions);
    }

    private static Zephycoins coins(BigDecimal value) {
        return Zephycoins.of(value);
    }
}
