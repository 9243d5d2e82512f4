package com.zephycloud.ledger.infra.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredTimestampsTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            // from 0001 to 9999, millisecond precision as Axon writes
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_135_596_800_000L, 253_402_300_799_999L));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(instant)
                    .isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void theTextOfAStoredTimestampIsTheTextOfItsInstant() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            // a whole second in one case out of ten: its instant's text has no fraction
            long millis = random.nextLong(-62_135_596_800_000L, 253_402_300_799_999L);
            Instant instant = Instant.ofEpochMilli(i % 10 == 0 ? millis - Math.floorMod(millis, 1000) : millis);
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.instantText(stored, StoredTimestamps.parse(stored))).as(stored)
                    .isEqualTo(instant.toString());
        }
        for (String stored : new String[]{"2026-11-24T02:10:40Z", "2026-11-24T02:10:40.123456Z",
                "2026-11-24T03:10:40.748+01:00", "2026-11-24T02:10:40.000Z"}) {
            Instant parsed = StoredTimestamps.parse(stored);
            assertThat(StoredTimestamps.instantText(stored, parsed)).as(stored).isEqualTo(parsed.toString());
        }
    }

    @Test
    void edgesOfDaysMonthsAndLeapYears() {
        for (String stored : new String[]{"1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z",
                "2025-12-31T23:59:59.999Z", "2026-01-01T00:00:00.000Z", "2000-02-29T12:00:00.001Z"}) {
            assertThat(StoredTimestamps.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void otherIsoLayoutsAreLeftToTheGeneralParser() {
        for (String stored : new String[]{"2026-11-24T02:10:40Z", "2026-11-24T02:10:40.123456Z",
                "2026-11-24T03:10:40.748+01:00", "+12026-11-24T02:10:40.748Z"}) {
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void impossibleDatesAreRefusedLikeTheGeneralParserRefusesThem() {
        for (String stored : new String[]{"2025-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z",
                "2026-11-31T00:00:00.000Z", "2026-11-24T24:00:00.000Z", "2026-11-24T02:1x:40.748Z"}) {
            assertThatThrownBy(() -> StoredTimestamps.parse(stored)).as(stored)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
