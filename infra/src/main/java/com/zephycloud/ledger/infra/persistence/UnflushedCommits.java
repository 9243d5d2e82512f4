package com.zephycloud.ledger.infra.persistence;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transactions that commit without waiting for their WAL to reach the disk (PostgreSQL's
 * {@code synchronous_commit = off}), for the projections' batches. A projection's rows and its
 * token commit together, so a crash that loses the last such commits loses both together, and
 * the projection handles those events again from the store; what an acknowledged command wrote
 * (its events, the registers) commits as before. Under load, the projections' commits are about
 * one per projection per batch wait: waiting for each flush made them compete with the commands'
 * commits for the disk.
 */
public final class UnflushedCommits implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;

    public UnflushedCommits(TransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        try {
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}
