package com.zephycloud.ledger.infra.reports;

import com.zephycloud.ledger.command.reports.ReportCalendar;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reports' aggregate: the calendar of the last report date. */
@Configuration(proxyBeanMethods = false)
public class ReportCommandSideConfiguration {

    @Bean
    public ConfigurerModule reportCalendarAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ReportCalendar.class));
    }
}
