package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.http.BasicAuthenticationFilter;
import com.zephycloud.ledger.infra.json.ApiJson;
import com.zephycloud.ledger.infra.messaging.GroupCommit;
import com.zephycloud.ledger.infra.messaging.StoredTokenPositions;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Health, metrics and the request log (README, "Operating it"). Actuator, Micrometer and Axon's
 * monitor do the work; this wires in what only this application knows.
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    /** Several gauges of one scrape share one query; a scrape every few seconds sees fresh values. */
    private static final Duration SCRAPE_MEMO = Duration.ofMillis(500);

    @Bean
    public ProcessorErrors processorErrors() {
        return new ProcessorErrors();
    }

    @Bean
    public ProcessorsHealth processorsHealthContributor(EventProcessingConfiguration processing,
                                                        ProcessorErrors errors, StoredTokenPositions tokens) {
        return new ProcessorsHealth(processing, errors, tokens, false);
    }

    /** Not in the readiness group (application.yml): shown in /actuator/health only. */
    @Bean
    public ProcessorsHealth outboundHealthContributor(EventProcessingConfiguration processing,
                                                      ProcessorErrors errors, StoredTokenPositions tokens) {
        return new ProcessorsHealth(processing, errors, tokens, true);
    }

    @Bean
    public RebuildHealth rebuildHealthIndicator(JdbcTemplate jdbc) {
        return new RebuildHealth(jdbc);
    }

    @Bean
    public MigrationsHealth migrationsHealthIndicator(Flyway flyway) {
        return new MigrationsHealth(flyway);
    }

    @Bean
    public CommandMetrics commandMetrics(MeterRegistry registry) {
        return new CommandMetrics(registry);
    }

    @Bean
    public OperationsMetrics operationsMetrics(MeterRegistry registry, EventProcessingConfiguration processing,
                                               JdbcTemplate jdbc, Clock clock, GroupCommit groupCommit) {
        return new OperationsMetrics(registry, new ProcessorLags(processing, jdbc, clock, SCRAPE_MEMO),
                new BillingBacklog(jdbc, clock, SCRAPE_MEMO), groupCommit);
    }

    /** After authentication: the API's own filter decides the credentials, this one only /actuator/. */
    @Bean
    public FilterRegistrationBean<OperationsAccessFilter> operationsAccess(
            FilterRegistrationBean<BasicAuthenticationFilter> authentication) {
        FilterRegistrationBean<OperationsAccessFilter> registration = new FilterRegistrationBean<>(
                new OperationsAccessFilter(authentication.getFilter(), ApiJson.create()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** Among the first filters, so that authentication refusals are logged too. */
    @Bean
    public FilterRegistrationBean<AccessLogFilter> accessLog() {
        FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
