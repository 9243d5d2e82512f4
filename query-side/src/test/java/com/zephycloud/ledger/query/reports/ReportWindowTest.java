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
        long day = ReportWindow.dayOf(us);
        long month = ReportWindow.monthOf(us);
        boolean inMonths = month >= w.monthsStart() && month < w.monthsEnd();
        boolean inDays = day >= w.firstWholeDay() && day < w.monthsStart() || day >= w.monthsEnd() && day < w.wholeDaysEnd();
        boolean inTail = us >= w.tailStart() && us <= w.toUs();
        int count = (inHead ? 1 : 0) + (inMonths ? 1 : 0) + (inDays ? 1 : 0) + (inTail ? 1 : 0);
        assertThat(count).as("instant %s is in at most one part of %s", us, w).isLessThanOrEqualTo(1);
        return inHead ? "head" : inMonths ? "months" : inDays ? "days" : inTail ? "tail" : "out";
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
    void monthsAreFoundUpToTheLastDateTheApiAccepts() {
        long y2300 = 10_413_792_000_000_000L; // 2300-01-01T00:00:00Z, after the 2262 limit of nanoseconds since 1970
        long lastSecond = 253_402_300_799_000_000L; // 9999-12-31T23:59:59Z
        assertThat(ReportWindow.monthOf(y2300 + 40 * DAY_US)).isEqualTo(y2300 + 31 * DAY_US);
        ReportWindow w = new ReportWindow(y2300 - 1, lastSecond);
        assertThat(w.monthsStart()).isEqualTo(y2300);
        assertThat(w.monthsEnd()).isEqualTo(ReportWindow.monthOf(lastSecond));
        assertThat(part(w, lastSecond)).isEqualTo("tail");
    }

    @Test
    void everyInstantOfAWindowOverMonthsIsInExactlyOnePart() {
        long jan1 = 1_735_689_600_000_000L; // 2025-01-01T00:00:00Z
        long[] bounds = {jan1 - 1, jan1, jan1 + 1, jan1 + 31 * DAY_US - 1, jan1 + 31 * DAY_US, jan1 + 45 * DAY_US + 7,
                jan1 + 59 * DAY_US, jan1 + 90 * DAY_US + 1, jan1 + 400 * DAY_US};
        for (long from : bounds) {
            for (long to : bounds) {
                if (from > to) {
                    continue;
                }
                ReportWindow w = new ReportWindow(from, to);
                for (long us = from - 2; us <= to + 2; us += (us < from + 3 || us > to - 3) ? 1 : DAY_US / 3 + 11) {
                    boolean inside = us > from && us <= to;
                    assertThat(part(w, us).equals("out")).as("%s in %s", us, w).isEqualTo(!inside);
                }
            }
        }
        ReportWindow year = new ReportWindow(jan1, jan1 + 365 * DAY_US);
        assertThat(year.monthsStart()).isEqualTo(jan1 + 31 * DAY_US); // February: January's first instant is out
        assertThat(year.monthsEnd()).isEqualTo(jan1 + 365 * DAY_US);   // 2026-01-01
        assertThat(part(year, jan1 + DAY_US)).isEqualTo("days");
        assertThat(part(year, jan1 + 100 * DAY_US)).isEqualTo("months");
        assertThat(part(year, jan1 + 365 * DAY_US)).isEqualTo("tail");
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
