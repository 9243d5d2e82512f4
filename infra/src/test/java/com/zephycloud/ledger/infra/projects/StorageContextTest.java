package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.infra.projects.billing.StoragePrices;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.TestClock;
import com.zephycloud.ledger.infra.support.TestDatabase;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The application with real storages (a local folder, and S3 buckets on a real S3-compatible
 * server), a clock the tests move, and a storage price. One context for all such tests, on a
 * database of its own: two applications on one database would share their projections' segments
 * like two instances, and one's read-your-writes would not wait for the other's.
 */
@Import(StorageContextTest.Doubles.class)
abstract class StorageContextTest extends ApiTest {

    static final String BUCKET = "zephy-test";
    static final String PRICE_PER_ITEM_PER_DAY = "0.5";
    private static final TestClock CLOCK = TestClock.flowing();
    private static final String DATABASE = "s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Autowired
    TestClock clock;

    @DynamicPropertySource
    static void storages(DynamicPropertyRegistry registry) {
        S3TestServer s3 = S3TestServer.start();
        s3Storage(registry, "s3_eu", s3, "ledger/", "PT5M");
        s3Storage(registry, "s3_short", s3, "short/", "PT2S");
        registry.add("zephy.storages.local.path", () -> Path.of("target", "test-files").toAbsolutePath().toString());
        registry.add("zephy.storages.local.url-lifetime", () -> "PT10M");
    }

    private static void s3Storage(DynamicPropertyRegistry registry, String name, S3TestServer s3, String prefix,
                                  String lifetime) {
        String key = "zephy.storages." + name + ".";
        registry.add(key + "type", () -> "s3");
        registry.add(key + "region", () -> S3TestServer.REGION);
        registry.add(key + "bucket", () -> BUCKET);
        registry.add(key + "prefix", () -> prefix);
        registry.add(key + "endpoint", s3::endpoint);
        registry.add(key + "path-style-access", () -> "true");
        registry.add(key + "access-key-id", () -> S3TestServer.ACCESS_KEY);
        registry.add(key + "secret-access-key", () -> S3TestServer.SECRET_KEY);
        registry.add(key + "url-lifetime", () -> lifetime);
    }

    /**
     * Axon stamps events through one JVM-wide clock, which the application started last has set;
     * point it at this context's clock for these tests, and back to real time after them.
     */
    @BeforeEach
    void stampEventsWithTheTestClock() {
        GenericEventMessage.clock = CLOCK;
    }

    @AfterAll
    static void realTimeAgain() {
        CLOCK.reset();
        GenericEventMessage.clock = Clock.systemUTC();
    }

    /** Stand-ins for what this context replaces: the clock, and the catalog's storage price. */
    @TestConfiguration
    static class Doubles {

        @Bean
        @Primary
        TestClock testClock() {
            return CLOCK;
        }

        /** A database of its own (a property cannot do it: the base class's registration wins). */
        @Bean
        DataSource storageTestDatabase() {
            return DataSourceBuilder.create().url(TestDatabase.url(DATABASE)).build();
        }

        /** A test double of the catalog's pricing constants: one price, valid at any date. */
        @Bean
        @Primary
        StoragePrices catalogStoragePriceDouble() {
            return (Instant at) -> Zephycoins.of(PRICE_PER_ITEM_PER_DAY);
        }
    }
}
