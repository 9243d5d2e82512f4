package com.zephycloud.ledger.infra.jdbc;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure of the database connection (an outage, a pool closing at shutdown) from a bug,
 * and what the client may conclude from it. The failure arrives in many wrappings: Spring's
 * translations, the pool's and the driver's SQLExceptions (SQLState class 08, "connection
 * exception", and 57P, the server shutting down, crashed or still starting), the pool's own
 * SQLExceptions (a connection it closed after it broke: "Connection is closed", without a
 * SQLState), a socket error, even an AssertionError of the PostgreSQL driver (42.7: a batch whose
 * connection broke asks the connection for its auto-commit mode, which throws, and the driver
 * reports that as an AssertionError without a cause); so the whole chain of causes is read.
 */
public final class DatabaseUnavailable {

    /** No transaction could begin: nothing of the request was stored. */
    public static final String NOTHING_STORED = "the database is unavailable and nothing of this request was stored;"
            + " send it again";
    /** The connection failed once the transaction had begun: only a commit cut short may have applied it. */
    public static final String MAYBE_APPLIED = "the connection to the database failed during this request: it was not"
            + " applied, unless the connection broke while committing; send it again with the same request_id"
            + " (applied at most once), or check before sending it again";

    private DatabaseUnavailable() {
    }

    /** The message for the client when {@code failure} is a lost or missing database connection, else null. */
    public static String messageFor(Throwable failure) {
        boolean connectionFailed = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof CannotGetJdbcConnectionException) {
                return NOTHING_STORED;
            }
            connectionFailed |= isConnectionFailure(cause);
        }
        return connectionFailed ? MAYBE_APPLIED : null;
    }

    /** True when {@code failure} is a lost or missing database connection (see {@link #messageFor}). */
    public static boolean isCause(Throwable failure) {
        return messageFor(failure) != null;
    }

    private static boolean isConnectionFailure(Throwable cause) {
        return cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessResourceException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SocketException
                || cause instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                        || sql.getSQLState().startsWith("57P"))
                || cause instanceof SQLException && thrownBy(cause, "com.zaxxer.hikari.")
                || cause instanceof AssertionError && thrownBy(cause, "org.postgresql.");
    }

    private static boolean thrownBy(Throwable failure, String packagePrefix) {
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(packagePrefix);
    }
}
