package com.zephycloud.ledger.query.reports;

import org.junit.jupiter.api.Test;

import static com.zephycloud.ledger.query.reports.ReportWindow.DAY_US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWindowTest {

    private static final long D = 20_000 * DAY_US; // a UTC midnight

    /** Which part of the window an instant falls in: head edge, whole days, tail edge, or outside. */
    private static String part(ReportWindow w, long us) {
        boolean inHead = us > w.fromUs() && us < w.headEnd();
        boolean inDays = w.hasWholeDays() && ReportWindow.dayOf(us) >= w.firstWholeDay() && ReportWindow.dayOf(us) < w.wholeDaysEnd();
        boolean inTail = us >= w.tailStart() && us <= w.toUs();
        int count = (inHead ? 1 : 0) + (inDays ? 1 : 0) + (inTail ? 1 : 0);
        assertThat(count).as("instant %s is in at most one part of %s", us, w).isLessThanOrEqualTo(1);
        return inHead ? "head" : inDays ? "days" : inTail ? "tail" : "out";
    }

    @Test
    void everyInstantOfTheWindowIsInExactlyOnePart() {
        long[] bounds = {D - 1, D, D + 1, D + DAY_US - 1, D + DAY_US, D + DAY_US + 1, D + 3 * DAY_US - 1,
                D + 3 * DAY_US, D + 3 * DAY_US + 5};
        for (long from : bounds) {
            for (long to : bounds) {
                if (from > to) {
                    continue;
                }
                ReportWindow w = new ReportWindow(from, to);
                for (long us = from - 2; us <= to + 2; us += (us < from + 3 || us > to - 3) ? 1 : DAY_US / 7) {
                    boolean inside = us > from && us <= to;
                    assertThat(part(w, us).equals("out")).as("%s in %s", us, w).isEqualTo(!inside);
                }
            }
        }
    }

    @Test
    void wholeDaysAreThoseEntirelyInsideTheWindow() {
        ReportWindow w = new ReportWindow(D, D + 2 * DAY_US - 1);
        assertThat(w.firstWholeDay()).isEqualTo(D + DAY_US);
        assertThat(w.wholeDaysEnd()).isEqualTo(D + 2 * DAY_US);
        assertThat(part(w, D)).isEqualTo("out");
        assertThat(part(w, D + 1)).isEqualTo("head");
        assertThat(part(w, D + DAY_US)).isEqualTo("days");

        ReportWindow sameDay = new ReportWindow(D + 5, D + 10);
        assertThat(sameDay.hasWholeDays()).isFalse();
        assertThat(part(sameDay, D + 10)).isEqualTo("head");
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new ReportWindow(10, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
