package com.zephycloud.ledger.infra.persistence;

import com.zephycloud.ledger.infra.storage.ProjectFileCleanup;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.TestDatabase;
import com.zephycloud.ledger.query.catalog.MachineProjection;
import com.zephycloud.ledger.query.ledger.TransactionProjection;
import com.zephycloud.ledger.query.reports.PeriodSumsProjection;
import com.zephycloud.ledger.query.users.UserProjection;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** On PostgreSQL, the projections' batches commit without waiting for the disk; nothing else does. */
class UnflushedCommitsTest extends ApiTest {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void projectionsCommitUnflushedAndSideEffectsAndCommandsDoNot() {
        assumeTrue(TestDatabase.isPostgres(), "synchronous_commit is PostgreSQL's");
        for (String projection : List.of(UserProjection.PROCESSING_GROUP, TransactionProjection.PROCESSING_GROUP,
                MachineProjection.PROCESSING_GROUP, PeriodSumsProjection.PROCESSING_GROUP)) {
            assertThat(processing.transactionManager(projection)).as(projection).isInstanceOf(UnflushedCommits.class);
            assertThat(synchronousCommitIn(processing.transactionManager(projection))).as(projection).isEqualTo("off");
        }
        // deletes files: a lost token would delete again, so it keeps waiting for the disk
        assertThat(processing.transactionManager(ProjectFileCleanup.PROCESSING_GROUP))
                .isNotInstanceOf(UnflushedCommits.class);
        assertThat(synchronousCommitIn(transactions)).as("commands' transactions").isEqualTo("on");
    }

    private String synchronousCommitIn(TransactionManager manager) {
        Transaction transaction = manager.startTransaction();
        try {
            return jdbc.queryForObject("SHOW synchronous_commit", String.class);
        } finally {
            transaction.rollback();
        }
    }
}
