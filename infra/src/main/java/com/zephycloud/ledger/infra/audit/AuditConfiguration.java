package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.eventstore.StoredEventPositions;
import com.zephycloud.ledger.infra.messaging.ProjectionCatchUp;
import com.zephycloud.ledger.jdbc.BatchSender;
import com.zephycloud.ledger.query.audit.LedgerChainProjection;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** The tamper-evident ledger: the chain projection, the checkpoints and their signer. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditConfiguration {

    @Bean
    public LedgerChainProjection ledgerChainProjection(JdbcTemplate jdbc, BatchSender projectionBatches) {
        return new LedgerChainProjection(jdbc, projectionBatches, new StoredEventPositions(jdbc));
    }

    @Bean
    public CheckpointSigner checkpointSigner(@Value("${zephy.audit.checkpoint.signing-key:}") String signingKey,
                                             @Value("${zephy.audit.checkpoint.public-key:}") String publicKey) {
        return new CheckpointSigner(signingKey, publicKey);
    }

    @Bean
    public LedgerCheckpoints ledgerCheckpoints(JdbcTemplate jdbc, TransactionTemplate transactions,
                                               CheckpointSigner signer, Clock clock) {
        return new LedgerCheckpoints(jdbc, transactions, signer, clock);
    }

    @Bean
    public CheckpointSchedule checkpointSchedule(LedgerCheckpoints checkpoints) {
        return new CheckpointSchedule(checkpoints);
    }

    @Bean
    public ChainRows chainRows(JdbcTemplate jdbc) {
        return new ChainRows(jdbc);
    }

    @Bean
    public ChainProofs chainProofs(ChainRows rows, LedgerCheckpoints checkpoints, ProjectionCatchUp catchUp) {
        return new ChainProofs(rows, checkpoints, catchUp);
    }

    @Bean
    public ChainVerification chainVerification(EventStore eventStore, ChainRows rows, LedgerCheckpoints checkpoints,
                                               ProjectionCatchUp catchUp) {
        return new ChainVerification(eventStore, rows, checkpoints, catchUp);
    }
}
