package com.zephycloud.ledger.infra.search;

import com.zephycloud.ledger.jdbc.SqlDialect;
import com.zephycloud.ledger.query.search.SearchQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The search over users and projects: a query handler on their read models' prefix indexes. */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

    @Bean
    public SearchQueries searchQueries(NamedParameterJdbcTemplate jdbc, SqlDialect dialect) {
        return new SearchQueries(jdbc, dialect);
    }
}
