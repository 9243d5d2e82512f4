package com.zephycloud.ledger.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Sends a run of statements that share their SQL, in the current transaction. The plain way is
 * one JDBC batch; a database with a faster path for long runs of INSERTs (PostgreSQL's COPY) may
 * take it, which is what a projection rebuild's million-row runs need.
 */
@FunctionalInterface
public interface BatchSender {

    /**
     * @return per statement, the number of rows it changed, or {@link java.sql.Statement#SUCCESS_NO_INFO}
     *         where the database does not tell
     */
    int[] send(String sql, List<Object[]> argumentsPerStatement);

    /** One JDBC batch per run: what every database understands. */
    static BatchSender jdbcBatches(JdbcTemplate jdbc) {
        return jdbc::batchUpdate;
    }
}
