package com.zephycloud.ledger.infra.ledger;

import com.zephycloud.ledger.jdbc.BatchSender;
import com.zephycloud.ledger.query.ledger.LedgerQueries;
import com.zephycloud.ledger.query.ledger.TransactionProjection;
import com.zephycloud.ledger.query.ledger.UserProjection;
import com.zephycloud.ledger.query.ledger.UserQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;

/** The ledger's projections (users, transactions, balance history) and query handlers, as beans that Axon registers. */
@Configuration(proxyBeanMethods = false)
public class LedgerQuerySideConfiguration {

    @Bean
    public UserProjection userProjection(JdbcTemplate jdbc) {
        return new UserProjection(jdbc);
    }

    @Bean
    public UserQueries userQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        return new UserQueries(jdbc, clock);
    }

    @Bean
    public TransactionProjection transactionProjection(JdbcTemplate jdbc, BatchSender projectionBatches) {
        return new TransactionProjection(jdbc, projectionBatches);
    }

    @Bean
    public LedgerQueries ledgerQueries(NamedParameterJdbcTemplate jdbc) {
        return new LedgerQueries(jdbc);
    }
}
