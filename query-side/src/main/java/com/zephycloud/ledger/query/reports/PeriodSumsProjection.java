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
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code report_daily_sums} and {@code report_monthly_sums} tables. Each transaction is added
 * to the row of its user, UTC day (and UTC month), description, project and usage kind
 * ({@link UsageKind}), with the same description and project that {@code ledger_transactions}
 * shows for it (a cancellation under its reason, in the canceled charge's project). Events of one
 * user are handled in order by one thread (sequencing per aggregate), so update-then-insert does
 * not race. A batch of events is summed in memory first, then each touched row is written once.
 */
@ProcessingGroup(PeriodSumsProjection.PROCESSING_GROUP)
public class PeriodSumsProjection {

    public static final String PROCESSING_GROUP = "report-period-sums";

    private static final String ADD = "UPDATE %1$s SET amount = amount + ?,"
            + " last_us = GREATEST(last_us, ?), cores_per_sec = COALESCE(cores_per_sec + ?, cores_per_sec, ?),"
            + " calc_count = COALESCE(calc_count + ?, calc_count, ?), mesh_count = COALESCE(mesh_count + ?, mesh_count, ?),"
            + " entries = entries + ?"
            + " WHERE user_id = ? AND %2$s = ? AND description IS NOT DISTINCT FROM ?"
            + " AND project_uid IS NOT DISTINCT FROM ? AND kind = ?";
    private static final int[] ADD_TYPES = {Types.NUMERIC, Types.BIGINT, Types.NUMERIC, Types.NUMERIC,
            Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
    private static final String INSERT = "INSERT INTO %1$s (amount, last_us, cores_per_sec,"
            + " calc_count, mesh_count, user_id, %2$s, description, project_uid, entries, kind)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int[] INSERT_TYPES = {Types.NUMERIC, Types.BIGINT, Types.NUMERIC, Types.BIGINT,
            Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR};

    /** The rows of some users within a range of periods; the list of user ids follows. */
    private static final String EXISTING = "SELECT user_id, %2$s, description, project_uid, kind FROM %1$s"
            + " WHERE %2$s BETWEEN ? AND ? AND user_id IN (";
    private static final int USERS_PER_LOOKUP = 500;

    private final JdbcTemplate jdbc;
    private final PerBatch<Map<PeriodKey, PeriodSum>> sums;

    public PeriodSumsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sums = new PerBatch<>(LinkedHashMap::new, this::write);
    }

    @EventHandler
    void on(CreditAdded event, @Timestamp Instant at) {
        add(event, event.reason(), ChargeContext.NONE, at);
    }

    @EventHandler
    void on(CreditConsumed event, @Timestamp Instant at) {
        add(event, event.description(), event.context(), at);
    }

    @EventHandler
    void on(CreditRemoved event, @Timestamp Instant at) {
        add(event, event.reason(), ChargeContext.NONE, at);
    }

    @EventHandler
    void on(TransactionCanceled event, @Timestamp Instant at) {
        add(event, event.reason(), event.context(), at);
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "report_daily_sums", "report_monthly_sums");
    }

    private void add(LedgerEntryRecorded event, String description, ChargeContext context, Instant at) {
        UserId userId = event.userId();
        Zephycoins amount = event.signedAmount();
        String kind = UsageKind.of(event);
        ChargeContext c = context == null ? ChargeContext.NONE : context;
        long us = Micros.of(at);
        PeriodSum entry = new PeriodSum(amount.value(), us, c.coresPerSec(), longOrNull(c.calcCount()),
                longOrNull(c.meshCount()), 1);
        sums.add(batch -> {
            batch.merge(new PeriodKey(Period.DAY, userId.value(), ReportWindow.dayOf(us), description, c.projectUid(),
                    kind),
                    entry, PeriodSum::plus);
            batch.merge(new PeriodKey(Period.MONTH, userId.value(), ReportWindow.monthOf(us), description,
                    c.projectUid(), kind), entry, PeriodSum::plus);
        });
    }

    /**
     * Adds a batch's sums to their rows: one SELECT finds which rows exist, a batched UPDATE adds
     * to those, one batched INSERT (a multi-row INSERT on PostgreSQL) creates the others. A
     * replay creates far more rows than it updates: asking first spares it an UPDATE per new row.
     */
    private void write(Map<PeriodKey, PeriodSum> batch) {
        for (Period period : Period.values()) {
            List<Map.Entry<PeriodKey, PeriodSum>> rows = batch.entrySet().stream()
                    .filter(row -> row.getKey().period() == period).toList();
            if (rows.isEmpty()) {
                continue;
            }
            Set<PeriodKey> existing = existingRows(period, rows.stream().map(Map.Entry::getKey).toList());
            List<Map.Entry<PeriodKey, PeriodSum>> toUpdate = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            for (Map.Entry<PeriodKey, PeriodSum> row : rows) {
                PeriodKey k = row.getKey();
                PeriodSum s = row.getValue();
                if (existing.contains(k)) {
                    toUpdate.add(row);
                    updates.add(new Object[]{s.amount(), s.lastUs(), s.coresPerSec(), s.coresPerSec(), s.calcCount(),
                            s.calcCount(), s.meshCount(), s.meshCount(), s.entries(), k.userId(), k.start(),
                            k.description(), k.projectUid(), k.kind()});
                } else {
                    inserts.add(new Object[]{s.amount(), s.lastUs(), s.coresPerSec(), s.calcCount(), s.meshCount(),
                            k.userId(), k.start(), k.description(), k.projectUid(), s.entries(), k.kind()});
                }
            }
            if (!updates.isEmpty()) {
                int[] updated = jdbc.batchUpdate(ADD.formatted(period.table, period.column), updates, ADD_TYPES);
                for (int i = 0; i < updated.length; i++) {
                    if (updated[i] != 1) {
                        throw new IllegalStateException("adding to " + period.table + " row " + toUpdate.get(i).getKey()
                                + " reported " + updated[i] + " rows updated; expected 1");
                    }
                }
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate(INSERT.formatted(period.table, period.column), inserts, INSERT_TYPES);
            }
        }
    }

    /** Which of {@code keys} (all of one period) have a row already. */
    private Set<PeriodKey> existingRows(Period period, List<PeriodKey> keys) {
        long from = keys.stream().mapToLong(PeriodKey::start).min().orElseThrow();
        long to = keys.stream().mapToLong(PeriodKey::start).max().orElseThrow();
        List<Long> users = keys.stream().map(PeriodKey::userId).distinct().toList();
        Set<PeriodKey> existing = new HashSet<>();
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
                        existing.add(new PeriodKey(period, row.getLong(1), row.getLong(2), row.getString(3),
                                row.getString(4), row.getString(5)));
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
