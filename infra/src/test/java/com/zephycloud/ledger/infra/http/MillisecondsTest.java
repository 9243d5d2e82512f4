package com.zephycloud.ledger.infra.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MillisecondsTest {

    @Test
    void microsecondsAreWrittenAsMillisecondsWithThreeDecimals() {
        assertThat(Milliseconds.ofMicros(0)).isEqualTo("0.000");
        assertThat(Milliseconds.ofMicros(7)).isEqualTo("0.007");
        assertThat(Milliseconds.ofMicros(45)).isEqualTo("0.045");
        assertThat(Milliseconds.ofMicros(1050)).isEqualTo("1.050");
        assertThat(Milliseconds.ofMicros(1234)).isEqualTo("1.234");
        assertThat(Milliseconds.ofMicros(12_000_001)).isEqualTo("12000.001");
    }
}
