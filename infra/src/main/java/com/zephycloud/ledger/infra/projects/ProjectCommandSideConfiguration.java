package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.command.projects.Project;
import com.zephycloud.ledger.command.projects.ProjectUidGenerator;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Project aggregate and the generator of project uids (tests may replace it). */
@Configuration(proxyBeanMethods = false)
public class ProjectCommandSideConfiguration {

    @Bean
    public ConfigurerModule projectAggregate() {
        return configurer -> configurer.configureAggregate(Project.class);
    }

    @Bean
    @ConditionalOnMissingBean
    public ProjectUidGenerator projectUidGenerator() {
        return new RandomProjectUids();
    }
}
