package com.zephycloud.ledger.infra.reports;

import com.zephycloud.ledger.jdbc.BatchSender;
import com.zephycloud.ledger.query.reports.BenefitsQueries;
import com.zephycloud.ledger.query.reports.PeriodSumsProjection;
import com.zephycloud.ledger.query.reports.ReportDateProjection;
import com.zephycloud.ledger.query.reports.ReportDateQueries;
import com.zephycloud.ledger.query.reports.ReportQueries;
import com.zephycloud.ledger.query.reports.SliceCostProjection;
import com.zephycloud.ledger.query.reports.UsageQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The reports' projections and query handlers. */
@Configuration(proxyBeanMethods = false)
public class ReportQuerySideConfiguration {

    @Bean
    public PeriodSumsProjection periodSumsProjection(JdbcTemplate jdbc) {
        return new PeriodSumsProjection(jdbc);
    }

    @Bean
    public ReportQueries reportQueries(NamedParameterJdbcTemplate jdbc) {
        return new ReportQueries(jdbc);
    }

    @Bean
    public ReportDateProjection reportDateProjection(JdbcTemplate jdbc) {
        return new ReportDateProjection(jdbc);
    }

    @Bean
    public ReportDateQueries reportDateQueries(JdbcTemplate jdbc) {
        return new ReportDateQueries(jdbc);
    }

    @Bean
    public SliceCostProjection sliceCostProjection(JdbcTemplate jdbc, BatchSender projectionBatches) {
        return new SliceCostProjection(jdbc, projectionBatches);
    }

    @Bean
    public UsageQueries usageQueries(NamedParameterJdbcTemplate jdbc) {
        return new UsageQueries(jdbc);
    }

    @Bean
    public BenefitsQueries benefitsQueries(NamedParameterJdbcTemplate jdbc) {
        return new BenefitsQueries(jdbc);
    }
}
