package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.jdbc.Micros;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The window {@code (fromUs, toUs]} of a report, in UTC epoch microseconds, split into parts that
 * each come from the cheapest read model holding them whole: UTC calendar months inside the window
 * from the monthly sums, the whole UTC days around them from the daily sums, and the partial days
 * at both edges transaction by transaction. Every instant of the window is in exactly one part, so
 * the report's sum is exact.
 */
public record ReportWindow(long fromUs, long toUs) {

    public static final long DAY_US = 86_400_000_000L;

    public ReportWindow {
        if (fromUs > toUs) {
            throw new IllegalArgumentException("a report window ends before it starts: (" + fromUs + ", " + toUs + "]");
        }
    }

    public static long dayOf(long us) {
        return Math.floorDiv(us, DAY_US) * DAY_US;
    }

    /** The start of the UTC calendar month holding {@code us}. */
    public static long monthOf(long us) {
        ZonedDateTime day = Instant.EPOCH.plus(dayOf(us), ChronoUnit.MICROS).atZone(ZoneOffset.UTC);
        return micros(day.withDayOfMonth(1));
    }

    private static long nextMonth(long monthUs) {
        return micros(Instant.EPOCH.plus(monthUs, ChronoUnit.MICROS).atZone(ZoneOffset.UTC).plusMonths(1));
    }

    private static long micros(ZonedDateTime time) {
        // not ChronoUnit.MICROS.between: it counts in nanoseconds first, which overflow after 2262
        return Micros.of(time.toInstant());
    }

    /** The first day whose every instant is after {@code fromUs}. */
    public long firstWholeDay() {
        return dayOf(fromUs) + DAY_US;
    }

    /** The end (exclusive) of the last day whose every instant is at or before {@code toUs}. */
    public long wholeDaysEnd() {
        return Math.max(dayOf(toUs + 1), firstWholeDay());
    }

    public boolean hasWholeDays() {
        return wholeDaysEnd() > firstWholeDay();
    }

    /** The first whole month, or {@link #wholeDaysEnd()} when the window holds none. */
    public long monthsStart() {
        long first = monthOf(firstWholeDay()) == firstWholeDay() ? firstWholeDay() : nextMonth(monthOf(firstWholeDay()));
        return first < monthOf(wholeDaysEnd()) ? first : wholeDaysEnd();
    }

    /** The end (exclusive) of the last whole month, or {@link #wholeDaysEnd()} when the window holds none. */
    public long monthsEnd() {
        return monthsStart() == wholeDaysEnd() ? wholeDaysEnd() : monthOf(wholeDaysEnd());
    }

    /**
     * Transactions stamped in {@code (fromUs, headEnd)} belong to the leading edge; those in
     * {@code [tailStart, toUs]} to the trailing edge. Without whole days the leading edge is the
     * whole window and the trailing one is empty.
     */
    public long headEnd() {
        return hasWholeDays() ? firstWholeDay() : toUs + 1;
    }

    public long tailStart() {
        return hasWholeDays() ? wholeDaysEnd() : toUs + 1;
    }
}
