package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;
import com.zephycloud.ledger.query.common.Micros;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Types;
import java.time.Instant;

/**
 * The {@code report_daily_sums} and {@code report_monthly_sums} tables. Each transaction is added
 * to the row of its user, UTC day (and UTC month), description and project, with the same description and project that {@code ledger_transactions}
 * shows for it (a cancellation under its reason, in the canceled charge's project). Events of one
 * user are handled in order by one thread (sequencing per aggregate), so update-then-insert does
 * not race.
 */
@ProcessingGroup(PeriodSumsProjection.PROCESSING_GROUP)
public class PeriodSumsProjection {

    public static final String PROCESSING_GROUP = "report-period-sums";

    private static final String ADD = "UPDATE %1$s SET amount = amount + ?,"
            + " last_us = GREATEST(last_us, ?), cores_per_sec = COALESCE(cores_per_sec + ?, cores_per_sec, ?),"
            + " calc_count = COALESCE(calc_count + ?, calc_count, ?), mesh_count = COALESCE(mesh_count + ?, mesh_count, ?),"
            + " entries = entries + 1"
            + " WHERE user_id = ? AND %2$s = ? AND description IS NOT DISTINCT FROM ?"
            + " AND project_uid IS NOT DISTINCT FROM ?";
    private static final int[] ADD_TYPES = {Types.NUMERIC, Types.BIGINT, Types.NUMERIC, Types.NUMERIC,
            Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
            Types.VARCHAR};
    private static final String INSERT = "INSERT INTO %1$s (amount, last_us, cores_per_sec,"
            + " calc_count, mesh_count, user_id, %2$s, description, project_uid, entries)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
    private static final int[] INSERT_TYPES = {Types.NUMERIC, Types.BIGINT, Types.NUMERIC, Types.BIGINT,
            Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR};

    private final JdbcTemplate jdbc;

    public PeriodSumsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CreditAdded event, @Timestamp Instant at) {
        add(event.userId(), event.signedAmount(), event.reason(), ChargeContext.NONE, at);
    }

    @EventHandler
    void on(CreditConsumed event, @Timestamp Instant at) {
        add(event.userId(), event.signedAmount(), event.description(), event.context(), at);
    }

    @EventHandler
    void on(TransactionCanceled event, @Timestamp Instant at) {
        add(event.userId(), event.signedAmount(), event.reason(), event.context(), at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM report_daily_sums");
        jdbc.update("DELETE FROM report_monthly_sums");
    }

    private void add(UserId userId, Zephycoins amount, String description, ChargeContext context, Instant at) {
        ChargeContext c = context == null ? ChargeContext.NONE : context;
        long us = Micros.of(at);
        Long calcs = c.calcCount() == null ? null : c.calcCount().longValue();
        Long meshes = c.meshCount() == null ? null : c.meshCount().longValue();
        Object[] sums = {amount.value(), us, c.coresPerSec(), c.coresPerSec(), calcs, calcs, meshes, meshes};
        addTo("report_daily_sums", "day_us", ReportWindow.dayOf(us), sums, userId, description, c.projectUid());
        addTo("report_monthly_sums", "month_us", ReportWindow.monthOf(us), sums, userId, description, c.projectUid());
    }

    private void addTo(String table, String periodColumn, long period, Object[] s, UserId userId, String description,
                       String projectUid) {
        int updated = jdbc.update(ADD.formatted(table, periodColumn), new Object[]{s[0], s[1], s[2], s[3], s[4], s[5],
                s[6], s[7], userId.value(), period, description, projectUid}, ADD_TYPES);
        if (updated == 0) {
            jdbc.update(INSERT.formatted(table, periodColumn), new Object[]{s[0], s[1], s[2], s[4], s[6],
                    userId.value(), period, description, projectUid}, INSERT_TYPES);
        }
    }
}
