package com.zephycloud.ledger.infra.reports;

import com.zephycloud.ledger.command.reports.ReportCalendar;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.query.reports.FindReportDate;
import com.zephycloud.ledger.query.reports.ReportDate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * The {@code from} and {@code to} of a report: {@code from} defaults to the last report date, else
 * the epoch; {@code to} defaults to now. The window is (from, to].
 */
@Component
public class ReportWindowParams {

    private final Queries queries;
    private final Clock clock;

    public ReportWindowParams(Queries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Reads both parameters; call {@link ApiParams#done()} before {@link Window#resolve()}. */
    public Window read(ApiParams params) {
        Instant from = params.optionalEpochSeconds("from");
        Instant to = params.optionalEpochSeconds("to");
        if (from != null && to != null && from.isAfter(to)) {
            params.reject("from: must not be after to (" + to.getEpochSecond() + ")");
        }
        return new Window(from, to);
    }

    public final class Window {

        private final Instant from;
        private final Instant to;

        private Window(Instant from, Instant to) {
            this.from = from;
            this.to = to;
        }

        public Instant to() {
            return to == null ? clock.instant() : to;
        }

        public Instant from() {
            if (from != null) {
                return from;
            }
            Instant last = queries.ask(new FindReportDate(ReportCalendar.LAST_REPORT), ReportDate.class).date();
            Instant start = last == null ? Instant.EPOCH : last;
            if (start.isAfter(to())) {
                throw ApiException.badRequest("from: defaults to the last report date (" + start.getEpochSecond()
                        + "), which is after to (" + to().getEpochSecond() + "); give from");
            }
            return start;
        }
    }
}
