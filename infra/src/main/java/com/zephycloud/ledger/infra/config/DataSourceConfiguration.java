package com.zephycloud.ledger.infra.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Driver settings the application relies on, whatever URL it is given. On PostgreSQL, batched
 * INSERTs are sent as multi-row INSERTs ({@code reWriteBatchedInserts}): projections write a
 * batch of events at a time, and a projection rebuild inserts millions of rows this way.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfiguration {

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
