package com.zephycloud.ledger.infra.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerTimingResponseTest {

    @Test
    void microsecondsAreWrittenAsMillisecondsWithThreeDecimals() {
        assertThat(ServerTimingResponse.millis(0)).isEqualTo("0.000");
        assertThat(ServerTimingResponse.millis(7)).isEqualTo("0.007");
        assertThat(ServerTimingResponse.millis(45)).isEqualTo("0.045");
        assertThat(ServerTimingResponse.millis(1050)).isEqualTo("1.050");
        assertThat(ServerTimingResponse.millis(1234)).isEqualTo("1.234");
        assertThat(ServerTimingResponse.millis(12_000_001)).isEqualTo("12000.001");
    }
}
