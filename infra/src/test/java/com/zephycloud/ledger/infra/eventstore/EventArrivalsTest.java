package com.zephycloud.ledger.infra.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EventArrivalsTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aProcessorIsToldOfANewEventWithoutWaitingForItsNextLook() throws Exception {
        // a look every hour: only the arrival can call the callback within the test
        try (EventArrivals arrivals = new EventArrivals(store, Duration.ZERO, Duration.ofHours(1))) {
            BlockingStream<TrackedEventMessage<?>> stream = arrivals.openStream(store.createHeadToken());
            CountDownLatch told = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(told::countDown)).isTrue();
            Thread.sleep(100); // the watcher reaches its wait

            store.publish(GenericEventMessage.asEventMessage("arrived"));

            assertThat(told.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("arrived");
            stream.close();
        }
    }

    @Test
    void withoutEventsTheProcessorsAreToldToLookAtMostEveryMaxWait() throws Exception {
        try (EventArrivals arrivals = new EventArrivals(store, Duration.ZERO, Duration.ofMillis(50))) {
            BlockingStream<TrackedEventMessage<?>> stream = arrivals.openStream(null);
            CountDownLatch looks = new CountDownLatch(3);
            stream.setOnAvailableCallback(looks::countDown);

            assertThat(looks.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void eventsArrivingSoonAfterATellingAreToldTogetherOnceTheMinimumWaitIsOver() throws Exception {
        try (EventArrivals arrivals = new EventArrivals(store, Duration.ofSeconds(1), Duration.ofHours(1))) {
            BlockingStream<TrackedEventMessage<?>> stream = arrivals.openStream(store.createHeadToken());
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch twice = new CountDownLatch(2);
            stream.setOnAvailableCallback(() -> {
                calls.incrementAndGet();
                twice.countDown();
            });
            Thread.sleep(100);

            store.publish(GenericEventMessage.asEventMessage("first"));
            long deadline = System.currentTimeMillis() + 5000;
            while (calls.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            store.publish(GenericEventMessage.asEventMessage("second"), GenericEventMessage.asEventMessage("third"));
            Thread.sleep(200);

            assertThat(calls.get()).isEqualTo(1);
            assertThat(twice.await(5, TimeUnit.SECONDS)).isTrue();
            stream.close();
        }
    }

    @Test
    void aClosedStreamIsToldNothingMore() throws Exception {
        try (EventArrivals arrivals = new EventArrivals(store, Duration.ZERO, Duration.ofMillis(20))) {
            BlockingStream<TrackedEventMessage<?>> stream = arrivals.openStream(null);
            AtomicInteger calls = new AtomicInteger();
            stream.setOnAvailableCallback(calls::incrementAndGet);
            Thread.sleep(200);
            stream.close();
            int atClose = calls.get();
            Thread.sleep(200);

            assertThat(atClose).isPositive();
            assertThat(calls.get()).isLessThanOrEqualTo(atClose + 1); // one call may have been under way
        }
    }
}
