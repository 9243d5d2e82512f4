package com.zephycloud.ledger.command.reports;

import com.zephycloud.ledger.kernel.events.reports.ReportDateSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.zephycloud.ledger.command.reports.ReportCalendar.LAST_REPORT;

class ReportCalendarTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    private AggregateTestFixture<ReportCalendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReportCalendar.class);
    }

    @Test
    void theFirstDateCreatesTheCalendar() {
        fixture.givenNoPriorActivity()
                .when(SetReportDate.of(Instant.ofEpochSecond(1_558_531_898L), NOW))
                .expectEvents(new ReportDateSet(LAST_REPORT, Instant.ofEpochSecond(1_558_531_898L)));
    }

    @Test
    void aNewDateReplacesTheLastOneEvenAnEarlierOne() {
        fixture.given(new ReportDateSet(LAST_REPORT, Instant.ofEpochSecond(1_600_000_000L)))
                .when(SetReportDate.of(Instant.ofEpochSecond(1_500_000_000L), NOW))
                .expectEvents(new ReportDateSet(LAST_REPORT, Instant.ofEpochSecond(1_500_000_000L)));
    }

    @Test
    void settingTheSameDateAgainChangesNothing() {
        fixture.given(new ReportDateSet(LAST_REPORT, Instant.ofEpochSecond(1_600_000_000L)))
                .when(SetReportDate.of(Instant.ofEpochSecond(1_600_000_000L), NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDateInTheFutureIsRefused() {
        fixture.givenNoPriorActivity()
                .when(SetReportDate.of(NOW.plusSeconds(1), NOW))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("date: 1800000001 is in the future; a report date is at or before now (1800000000)");
    }
}
