package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.command.catalog.Machine;
import com.zephycloud.ledger.command.catalog.PricingChanges;
import com.zephycloud.ledger.command.catalog.PricingPolicy;
import com.zephycloud.ledger.command.catalog.Provider;
import com.zephycloud.ledger.command.catalog.Toolchain;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog's command side: its aggregates, the pricing-change handler that reprices machines
 * in the same unit of work, and its register on a subscribing processor (inside the command's
 * transaction).
 */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    @Bean
    public ConfigurerModule catalogAggregates(JdbcCatalogRegister register) {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Provider.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Machine.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Toolchain.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(PricingPolicy.class));
            configurer.registerCommandHandler(config -> new PricingChanges(config.repository(PricingPolicy.class),
                    config.repository(Machine.class), register));
            configurer.eventProcessing(processing ->
                    processing.registerSubscribingEventProcessor(JdbcCatalogRegister.PROCESSING_GROUP));
        };
    }
}
