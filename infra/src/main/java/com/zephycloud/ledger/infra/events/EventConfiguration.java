package com.zephycloud.ledger.infra.events;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/** The published event contract, the HTTP event feed and its SSE stream (docs/events.md). */
@Configuration(proxyBeanMethods = false)
public class EventConfiguration {

    @Bean
    public EventContract eventContract() {
        return EventContract.scan();
    }

    @Bean
    public StoredEventMapper storedEventMapper(EventContract contract, @Qualifier("eventSerializer") Serializer serializer) {
        return new StoredEventMapper(contract, serializer);
    }

    @Bean
    public EventFeed eventFeed(JdbcTemplate jdbc, StoredEventMapper mapper, Clock clock,
                               @Value("${zephy.events.gap-timeout}") Duration gapTimeout,
                               @Value("${zephy.events.scan-window}") int scanWindow) {
        return new EventFeed(jdbc, mapper, new GapRule(clock, gapTimeout), scanWindow);
    }

    @Bean
    public EventStream eventStream(EventFeed feed,
                                   @Value("${zephy.events.stream.poll-interval}") Duration pollInterval,
                                   @Value("${zephy.events.stream.heartbeat}") Duration heartbeat,
                                   @Value("${zephy.events.stream.timeout}") Duration timeout,
                                   @Value("${zephy.events.stream.threads}") int threads) {
        return new EventStream(feed, new EventStream.Settings(pollInterval, heartbeat, timeout, 500, threads));
    }
}
