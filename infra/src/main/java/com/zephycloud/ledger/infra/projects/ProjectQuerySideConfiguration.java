package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.query.projects.ProjectItemProjection;
import com.zephycloud.ledger.query.projects.ProjectProjection;
import com.zephycloud.ledger.query.projects.ProjectQueries;
import com.zephycloud.ledger.query.projects.StorageUsageQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The projects read model (versions, files, meshes, calculations) and its queries. */
@Configuration(proxyBeanMethods = false)
public class ProjectQuerySideConfiguration {

    @Bean
    public ProjectProjection projectProjection(JdbcTemplate jdbc) {
        return new ProjectProjection(jdbc);
    }

    @Bean
    public ProjectItemProjection projectItemProjection(JdbcTemplate jdbc) {
        return new ProjectItemProjection(jdbc);
    }

    @Bean
    public ProjectQueries projectQueries(NamedParameterJdbcTemplate jdbc) {
        return new ProjectQueries(jdbc);
    }

    @Bean
    public StorageUsageQueries storageUsageQueries(NamedParameterJdbcTemplate jdbc) {
        return new StorageUsageQueries(jdbc);
    }
}
