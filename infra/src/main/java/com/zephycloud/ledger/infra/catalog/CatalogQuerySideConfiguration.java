package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.jdbc.SqlDialect;
import com.zephycloud.ledger.query.catalog.MachineOfferQueries;
import com.zephycloud.ledger.query.catalog.MachineProjection;
import com.zephycloud.ledger.query.catalog.MachineQueries;
import com.zephycloud.ledger.query.catalog.PricingProjection;
import com.zephycloud.ledger.query.catalog.PricingQueries;
import com.zephycloud.ledger.query.catalog.ProviderProjection;
import com.zephycloud.ledger.query.catalog.ProviderQueries;
import com.zephycloud.ledger.query.catalog.RecentMachineVersions;
import com.zephycloud.ledger.query.catalog.SettledMachineVersions;
import com.zephycloud.ledger.query.catalog.ToolchainProjection;
import com.zephycloud.ledger.query.catalog.ToolchainQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/** The catalog's projections and point-in-time query handlers, as beans that Axon registers. */
@Configuration(proxyBeanMethods = false)
public class CatalogQuerySideConfiguration {

    @Bean
    public ProviderProjection providerProjection(JdbcTemplate jdbc) {
        return new ProviderProjection(jdbc);
    }

    @Bean
    public MachineProjection machineProjection(JdbcTemplate jdbc) {
        return new MachineProjection(jdbc);
    }

    @Bean
    public ToolchainProjection toolchainProjection(JdbcTemplate jdbc) {
        return new ToolchainProjection(jdbc);
    }

    @Bean
    public PricingProjection pricingProjection(JdbcTemplate jdbc) {
        return new PricingProjection(jdbc);
    }

    @Bean
    public ProviderQueries providerQueries(NamedParameterJdbcTemplate jdbc) {
        return new ProviderQueries(jdbc);
    }

    @Bean
    public SettledMachineVersions settledMachineVersions(Clock clock,
            @Value("${zephy.catalog.settled-versions.settle-delay}") Duration settleDelay,
            @Value("${zephy.catalog.settled-versions.capacity}") int capacity) {
        return new SettledMachineVersions(clock, settleDelay, capacity);
    }

    @Bean
    public RecentMachineVersions recentMachineVersions(@Value("${zephy.catalog.recent-versions.capacity}") int capacity) {
        return new RecentMachineVersions(capacity);
    }

    @Bean
    public MachineQueries machineQueries(NamedParameterJdbcTemplate jdbc, SqlDialect dialect,
                                         SettledMachineVersions settledVersions) {
        return new MachineQueries(jdbc, dialect, settledVersions);
    }

    @Bean
    public ToolchainQueries toolchainQueries(NamedParameterJdbcTemplate jdbc) {
        return new ToolchainQueries(jdbc);
    }

    @Bean
    public PricingQueries pricingQueries(NamedParameterJdbcTemplate jdbc) {
        return new PricingQueries(jdbc);
    }

    @Bean
    public MachineOfferQueries machineOfferQueries(NamedParameterJdbcTemplate jdbc) {
        return new MachineOfferQueries(jdbc);
    }
}
