package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.infra.support.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A clock the test moves by hand, shared by every application instance a test starts (so that a
 * restarted instance sees the time where the stopped one left it).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ControlledClock {

    public static final TestClock CLOCK = TestClock.frozenAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @Bean
    @Primary
    public Clock movableClock() {
        return CLOCK;
    }
}
