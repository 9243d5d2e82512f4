package com.zephycloud.ledger.infra.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zephycloud.ledger.jdbc.BatchSender;
import com.zephycloud.ledger.jdbc.BatchedStatements;
import com.zephycloud.ledger.jdbc.SqlDialect;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * How the application writes to its database. The command side's registers share one statement
 * batch per unit of work, so that their writes keep their order. On PostgreSQL, batched
 * INSERTs are sent as multi-row INSERTs ({@code reWriteBatchedInserts}): projections write a
 * batch of events at a time, and a projection rebuild inserts millions of rows this way.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfiguration {

    @Bean
    public BatchedStatements registerWrites(JdbcTemplate jdbc) {
        return new BatchedStatements(jdbc);
    }

    /** Which database this is, asked of it once at start-up. */
    @Bean
    public SqlDialect sqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }

    /**
     * How projections send their runs of statements: on PostgreSQL, long runs of INSERTs as COPY
     * (a rebuild inserts a batch of thousands of events' rows at a time).
     */
    @Bean
    public BatchSender projectionBatches(JdbcTemplate jdbc, SqlDialect dialect,
                                         @Value("${zephy.projections.copy-min-rows}") int copyMinRows) {
        return dialect == SqlDialect.POSTGRESQL ? new PostgresCopy(jdbc, copyMinRows) : BatchSender.jdbcBatches(jdbc);
    }

    @Bean
    public static BeanPostProcessor postgresBatchRewrite() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    pool.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }
}
