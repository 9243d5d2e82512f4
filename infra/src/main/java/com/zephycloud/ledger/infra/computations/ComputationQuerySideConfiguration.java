package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.query.computations.ComputationLogProjection;
import com.zephycloud.ledger.query.computations.ComputationProjection;
import com.zephycloud.ledger.query.computations.ComputationQueries;
import com.zephycloud.ledger.query.computations.ComputationStatusProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The computations' read models and query handlers. */
@Configuration(proxyBeanMethods = false)
public class ComputationQuerySideConfiguration {

    @Bean
    public ComputationProjection computationProjection(JdbcTemplate jdbc) {
        return new ComputationProjection(jdbc);
    }

    @Bean
    public ComputationStatusProjection computationStatusProjection(JdbcTemplate jdbc) {
        return new ComputationStatusProjection(jdbc);
    }

    @Bean
    public ComputationLogProjection computationLogProjection(JdbcTemplate jdbc) {
        return new ComputationLogProjection(jdbc);
    }

    @Bean
    public ComputationQueries computationQueries(NamedParameterJdbcTemplate jdbc) {
        return new ComputationQueries(jdbc);
    }
}
