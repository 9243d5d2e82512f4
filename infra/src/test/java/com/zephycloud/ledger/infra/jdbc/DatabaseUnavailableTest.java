package com.zephycloud.ledger.infra.jdbc;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void aTransactionThatCouldNotBeginStoredNothing() {
        var failure = new IllegalStateException(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("pool - Connection is not available")));
        assertThat(DatabaseUnavailable.messageFor(failure)).isEqualTo(DatabaseUnavailable.NOTHING_STORED);
    }

    @Test
    void aConnectionLostDuringTheRequestMayOnlyHaveCommitted() {
        assertThat(DatabaseUnavailable.messageFor(new DataAccessResourceFailureException("Database is already closed")))
                .isEqualTo(DatabaseUnavailable.MAYBE_APPLIED);
        assertThat(DatabaseUnavailable.messageFor(new RuntimeException(new SQLException("Connection is closed", "08003"))))
                .isEqualTo(DatabaseUnavailable.MAYBE_APPLIED);
        SQLException closedByThePool = new SQLException("Connection is closed");
        closedByThePool.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "lambda", null, 1)});
        assertThat(DatabaseUnavailable.messageFor(new RuntimeException(closedByThePool)))
                .isEqualTo(DatabaseUnavailable.MAYBE_APPLIED);
    }

    @Test
    void theDriversAssertionErrorOnABrokenBatchIsAConnectionFailure() {
        AssertionError driver = new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
        driver.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("org.postgresql.jdbc.BatchResultHandler", "isAutoCommit", null, 115)});
        assertThat(DatabaseUnavailable.messageFor(new RuntimeException(driver))).isEqualTo(DatabaseUnavailable.MAYBE_APPLIED);
        assertThat(DatabaseUnavailable.messageFor(new RuntimeException(new AssertionError("ours"))))
                .as("an assertion of the application is a bug").isNull();
    }

    @Test
    void theServerShuttingDownIsAConnectionFailure() {
        // what PostgreSQL sends a connection it cuts when stopped (pg_ctl stop -m fast), seen by the fault harness
        // inside the batch of an event append
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertThat(DatabaseUnavailable.messageFor(new RuntimeException(new java.sql.BatchUpdateException(
                "Batch entry 0 INSERT INTO domain_event_entry …", "23505", new int[0], terminated))))
                .isEqualTo(DatabaseUnavailable.MAYBE_APPLIED);
        assertThat(DatabaseUnavailable.messageFor(new RuntimeException(new SQLException("the database system is"
                + " starting up", "57P03")))).isEqualTo(DatabaseUnavailable.MAYBE_APPLIED);
    }

    @Test
    void otherDatabaseErrorsAreNotOutages() {
        assertThat(DatabaseUnavailable.messageFor(new DuplicateKeyException("duplicate key"))).isNull();
        assertThat(DatabaseUnavailable.messageFor(new RuntimeException(new SQLException("syntax error", "42601"))))
                .isNull();
    }
}
