package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.jdbc.PerBatch;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.CreditRemoved;
import com.zephycloud.ledger.kernel.events.ledger.LedgerEntryRecorded;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code report_daily_sums} and {@code report_monthly_sums} tables. Each transaction is added
 * to the row of its user, UTC day (and UTC month), description, project and usage kind
 * ({@link UsageKind}), with the same description and project that {@code ledger_transactions}
 * shows for it (a cancellation under its reason, in the canceled charge's project). Events of one
 * user are handled in order by one thread (sequencing per aggregate), so update-then-insert does
 * not race. A batch of events is summed in memory first, then each touched row is written once.
 * <p>
 * The sums are additive, so an event handled a second time (after a claim moved, or a token was
 * moved back) must not be added again. Each row keeps {@code last_seq}, the place in the user's
 * stream of the last event added to it: the events of a row are added in their order, so the
 * ones added so far are exactly those up to {@code last_seq}, and an event at or before it is
 * passed over. (Deriving the sums from the idempotent {@code ledger_transactions} at read time
 * instead would make a report's cost grow with the number of transactions again.)
 */
@ProcessingGroup(PeriodSumsProjection.PROCESSING_GROUP)
public class PeriodSumsProjection {

    public static final String PROCESSING_GROUP = "report-period-sums";

    private static final String ADD = "UPDATE %1$s SET amount = amount + ?,"
            + " last_us = GREATEST(last_us, ?), cores_per_sec = COALESCE(cores_per_sec + ?, cores_per_sec, ?),"
            + " calc_count = COALESCE(calc_count + ?, calc_count, ?), mesh_count = COALESCE(mesh_count + ?, mesh_count, ?),"
            + " entries = entries + ?, last_seq = ?"
            + " WHERE user_id = ? AND %2$s = ? AND description IS NOT DISTINCT FROM ?"
            + " AND project_uid IS NOT DISTINCT FROM ? AND kind = ?";
    private static final int[] ADD_TYPES = {Types.NUMERIC, Types.BIGINT, Types.NUMERIC, Types.NUMERIC,
            Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT,
            Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
    private static final String INSERT = "INSERT INTO %1$s (amount, last_us, cores_per_sec,"
            + " calc_count, mesh_count, user_id, %2$s, description, project_uid, entries, kind, last_seq)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int[] INSERT_TYPES = {Types.NUMERIC, Types.BIGINT, Types.NUMERIC, Types.BIGINT,
            Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
            Types.BIGINT};

    /** The rows of some users within a range of periods; the list of user ids follows. */
    private static final String EXISTING = "SELECT user_id, %2$s, description, project_uid, kind, last_seq FROM %1$s"
            + " WHERE %2$s BETWEEN ? AND ? AND user_id IN (";
    private static final int USERS_PER_LOOKUP = 500;

    private final JdbcTemplate jdbc;
    private final PerBatch<Map<PeriodKey, List<Entry>>> sums;

    public PeriodSumsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sums = new PerBatch<>(LinkedHashMap::new, this::write);
    }

    @EventHandler
    void on(CreditAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event, sequence, event.reason(), ChargeContext.NONE, at);
    }

    @EventHandler
    void on(CreditConsumed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event, sequence, event.description(), event.context(), at);
    }

    @EventHandler
    void on(CreditRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event, sequence, event.reason(), ChargeContext.NONE, at);
    }

    @EventHandler
    void on(TransactionCanceled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event, sequence, event.reason(), event.context(), at);
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "report_daily_sums", "report_monthly_sums");
    }

    private void add(LedgerEntryRecorded event, long sequence, String description, ChargeContext context, Instant at) {
        UserId userId = event.userId();
        Zephycoins amount = event.signedAmount();
        String kind = UsageKind.of(event);
        ChargeContext c = context == null ? ChargeContext.NONE : context;
        long us = Micros.of(at);
        Entry entry = new Entry(sequence, new PeriodSum(amount.value(), us, c.coresPerSec(),
                longOrNull(c.calcCount()), longOrNull(c.meshCount()), 1));
        sums.add(batch -> {
            batch.computeIfAbsent(new PeriodKey(Period.DAY, userId.value(), ReportWindow.dayOf(us), description,
                    c.projectUid(), kind), key -> new ArrayList<>()).add(entry);
            batch.computeIfAbsent(new PeriodKey(Period.MONTH, userId.value(), ReportWindow.monthOf(us), description,
                    c.projectUid(), kind), key -> new ArrayList<>()).add(entry);
        });
    }

    /**
     * Adds a batch's sums to their rows: one SELECT finds which rows exist, a batched UPDATE adds
     * to those, one batched INSERT (a multi-row INSERT on PostgreSQL) creates the others. A
     * replay creates far more rows than it updates: asking first spares it an UPDATE per new row.
     * Only the entries after a row's {@code last_seq} are added to it.
     */
    private void write(Map<PeriodKey, List<Entry>> batch) {
        for (Period period : Period.values()) {
            List<Map.Entry<PeriodKey, List<Entry>>> rows = batch.entrySet().stream()
                    .filter(row -> row.getKey().period() == period).toList();
            if (rows.isEmpty()) {
                continue;
            }
            Map<PeriodKey, Long> existing = existingRows(period, rows.stream().map(Map.Entry::getKey).toList());
            List<PeriodKey> toUpdate = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            for (Map.Entry<PeriodKey, List<Entry>> row : rows) {
                PeriodKey k = row.getKey();
                Long lastSeq = existing.get(k);
                PeriodSum s = null;
                long seq = -1;
                for (Entry entry : row.getValue()) {
                    if (lastSeq == null || entry.sequence() > lastSeq) {
                        s = s == null ? entry.sum() : s.plus(entry.sum());
                        seq = Math.max(seq, entry.sequence());
                    }
                }
                if (s == null) {
                    continue; // every entry was added to this row already
                }
                if (lastSeq != null) {
                    toUpdate.add(k);
                    updates.add(new Object[]{s.amount(), s.lastUs(), s.coresPerSec(), s.coresPerSec(), s.calcCount(),
                            s.calcCount(), s.meshCount(), s.meshCount(), s.entries(), seq, k.userId(), k.start(),
                            k.description(), k.projectUid(), k.kind()});
                } else {
                    inserts.add(new Object[]{s.amount(), s.lastUs(), s.coresPerSec(), s.calcCount(), s.meshCount(),
                            k.userId(), k.start(), k.description(), k.projectUid(), s.entries(), k.kind(), seq});
                }
            }
            if (!updates.isEmpty()) {
                int[] updated = jdbc.batchUpdate(ADD.formatted(period.table, period.column), updates, ADD_TYPES);
                for (int i = 0; i < updated.length; i++) {
                    if (updated[i] != 1) {
                        throw new IllegalStateException("adding to " + period.table + " row " + toUpdate.get(i)
                                + " reported " + updated[i] + " rows updated; expected 1");
                    }
                }
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate(INSERT.formatted(period.table, period.column), inserts, INSERT_TYPES);
            }
        }
    }

    /** Which of {@code keys} (all of one period) have a row already, with the row's {@code last_seq}. */
    private Map<PeriodKey, Long> existingRows(Period period, List<PeriodKey> keys) {
        long from = keys.stream().mapToLong(PeriodKey::start).min().orElseThrow();
        long to = keys.stream().mapToLong(PeriodKey::start).max().orElseThrow();
        List<Long> users = keys.stream().map(PeriodKey::userId).distinct().toList();
        Map<PeriodKey, Long> existing = new HashMap<>();
        for (int first = 0; first < users.size(); first += USERS_PER_LOOKUP) {
            List<Long> some = users.subList(first, Math.min(users.size(), first + USERS_PER_LOOKUP));
            Object[] args = new Object[some.size() + 2];
            args[0] = from;
            args[1] = to;
            for (int i = 0; i < some.size(); i++) {
                args[i + 2] = some.get(i);
            }
            jdbc.query(EXISTING.formatted(period.table, period.column) + "?, ".repeat(some.size() - 1) + "?)",
                    row -> {
                        existing.put(new PeriodKey(period, row.getLong(1), row.getLong(2), row.getString(3),
                                row.getString(4), row.getString(5)), row.getLong(6));
                    }, args);
        }
        return existing;
    }

    private static Long longOrNull(Number number) {
        return number == null ? null : number.longValue();
    }

    private enum Period {
        DAY("report_daily_sums", "day_us"), MONTH("report_monthly_sums", "month_us");

        final String table;
        final String column;

        Period(String table, String column) {
            this.table = table;
            this.column = column;
        }
    }

    /** One row of a sums table: user, period start, description, project and usage kind. */
    private record PeriodKey(Period period, long userId, long start, String description, String projectUid,
                             String kind) {
    }

    /** One event's part of a row, at its place in the user's stream. */
    private record Entry(long sequence, PeriodSum sum) {
    }

    /** What a batch adds to one row; a null count or cores stays null only while every entry had none. */
    private record PeriodSum(BigDecimal amount, long lastUs, BigDecimal coresPerSec, Long calcCount, Long meshCount,
                             long entries) {

        PeriodSum plus(PeriodSum other) {
            return new PeriodSum(amount.add(other.amount), Math.max(lastUs, other.lastUs),
                    coresPerSec == null ? other.coresPerSec : other.coresPerSec == null ? coresPerSec
                            : coresPerSec.add(other.coresPerSec),
                    sum(calcCount, other.calcCount), sum(meshCount, other.meshCount), entries + other.entries);
        }

        private static Long sum(Long a, Long b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return a + b;
        }
    }
}
