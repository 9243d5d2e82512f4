package com.zephycloud.ledger.query.reports;

/**
 * The window {@code (fromUs, toUs]} of a report, in UTC epoch microseconds, split into the whole
 * UTC days it covers (read from the daily sums) and its partial edges (read transaction by
 * transaction). Every instant of the window is in exactly one part, so the report's sum is exact.
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

    /**
     * Transactions stamped in {@code (fromUs, headEnd)} belong to the leading edge; those in
     * {@code [tailStart, toUs]} to the trailing edge. Without whole days the two edges are the
     * whole window: headEnd is past toUs and tailStart is past it too.
     */
    public long headEnd() {
        return hasWholeDays() ? firstWholeDay() : toUs + 1;
    }

    public long tailStart() {
        return hasWholeDays() ? wholeDaysEnd() : toUs + 1;
    }
}
