package com.zephycloud.ledger.infra.projects.billing;

import com.zephycloud.ledger.command.ledger.TransactionIdGenerator;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.Queries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Storage billing, priced by the catalog's pricing constants ({@link StoragePrices}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ProjectBillingConfiguration {

    @Bean
    public StorageBilling storageBilling(Commands commands, Queries queries, TransactionIdGenerator transactionIds,
                                         BilledDays billedDays, StoragePrices prices) {
        return new StorageBilling(commands, queries, transactionIds, billedDays, prices);
    }

    @Bean
    public StorageBillingSchedule storageBillingSchedule(StorageBilling billing, Clock clock) {
        return new StorageBillingSchedule(billing, clock);
    }
}
