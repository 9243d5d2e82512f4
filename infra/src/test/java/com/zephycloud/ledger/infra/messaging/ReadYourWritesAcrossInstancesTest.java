package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ServerInstance;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one database: the second one gets half of every
 * projection's four segments; a write acknowledged by one is seen by a read on the other, which
 * waits only for the segments that handle it, wherever they run (docs/read-your-writes.md; before,
 * an instance holding no segment of a processor waited the whole consistency timeout, 5 s, on
 * every read); when one stops, the other takes all the segments back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadYourWritesAcrossInstancesTest {

    private static final int TRIES = 40;
    /** Generous for a shared CI machine; measured on PostgreSQL at rest far below (docs/read-your-writes.md). */
    private static final long P99_BOUND_MILLIS = 1000;

    private static ServerInstance a;
    private static ServerInstance b;

    @BeforeAll
    static void startTwoInstances() {
        String database = TestDatabase.newUrl("ryw_");
        a = ServerInstance.start(database);
        b = ServerInstance.start(database);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    @Order(1)
    void theSecondInstanceGetsItsShareOfEveryProjectionsSegments() throws InterruptedException {
        awaitSegments(a, 2);
        awaitSegments(b, 2);
    }

    @Test
    @Order(2)
    void aWriteOnOneInstanceIsSeenByTheNextReadOnTheOtherWithoutWaitingForTheTimeout() {
        ApiClient writer = a.admin();
        ApiClient reader = b.admin();
        long userId = writer.post("/admin/user/new/", params("login", "rywuser", "email", "ryw@example.com",
                "pwd", "secret-password", "rank", "gold", "nbr_coins", "100")).ok().asLong();
        List<Long> readMillis = new ArrayList<>();
        for (int i = 1; i <= TRIES; i++) {
            ApiClient from = i % 2 == 0 ? writer : reader;
            ApiClient to = i % 2 == 0 ? reader : writer;
            BigDecimal balance = decimal(from.post("/admin/user/credit/add/", params("user_id", userId,
                    "nbr_coins", "0.5", "reason", "try " + i)).ok());

            long start = System.nanoTime();
            BigDecimal seen = decimal(to.post("/admin/user/show/", params("user_id", userId)).ok().get("credit"));
            readMillis.add((System.nanoTime() - start) / 1_000_000);
            long transactions = to.post("/admin/transactions/list/", params("user_id", userId)).total();

            assertThat(seen).as("credit read on the other instance after write %d", i).isEqualByComparingTo(balance);
            assertThat(transactions).as("transactions read on the other instance after write %d", i).isEqualTo(i + 1);
        }
        System.out.println("read-your-writes across instances, each try (ms): " + readMillis);
        Collections.sort(readMillis);
        long p50 = readMillis.get(TRIES / 2);
        long p99 = readMillis.get((int) Math.ceil(TRIES * 0.99) - 1);
        System.out.printf("read-your-writes across instances (%s): %d tries, first read after the write p50 %d ms, p99 %d ms, max %d ms%n",
                TestDatabase.isPostgres() ? "PostgreSQL" : "H2", TRIES, p50, p99, readMillis.get(TRIES - 1));
        assertThat(p99).as("p99 of a read after a write on the other instance, ms").isLessThan(P99_BOUND_MILLIS);
    }

    @Test
    @Order(3)
    void whenAnInstanceStopsTheOtherTakesOverItsSegments() throws InterruptedException {
        b.close();
        b = null;
        awaitSegments(a, 4);
    }

    /** Waits until {@code instance} holds {@code count} segments of every read model. */
    private static void awaitSegments(ServerInstance instance, int count) throws InterruptedException {
        EventProcessingConfiguration processing = instance.bean(EventProcessingConfiguration.class);
        long deadline = System.currentTimeMillis() + 60_000;
        for (String name : ProcessingGroups.READ_MODELS) {
            StreamingEventProcessor processor = (StreamingEventProcessor) processing.eventProcessor(name).orElseThrow();
            while (processor.processingStatus().size() != count) {
                assertThat(System.currentTimeMillis()).as("%s holds %d segments of %s, not %d", instance, 
                        processor.processingStatus().size(), name, count).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }
}
