package com.zephycloud.ledger.query.common;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection's insert and update statements, sent per batch of events (see {@link PerBatch}) in
 * the order they were issued: consecutive statements with the same SQL go to the database as one
 * JDBC batch. For writes whose outcome the handler does not need to read back.
 */
public final class BatchedStatements {

    private static final class Statement {
        final String sql;
        Object[] args;

        Statement(String sql, Object[] args) {
            this.sql = sql;
            this.args = args;
        }
    }

    /** The statements of one batch, and those that a later one with the same key replaces. */
    private static final class Pending {
        final List<Statement> statements = new ArrayList<>();
        final Map<Object, Statement> latest = new HashMap<>();
    }

    private final JdbcTemplate jdbc;
    private final PerBatch<Pending> pending;

    public BatchedStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pending = new PerBatch<>(Pending::new, batch -> write(batch.statements));
    }

    public void update(String sql, Object... args) {
        pending.add(batch -> batch.statements.add(new Statement(sql, args)));
    }

    /**
     * A statement that sets values outright, so that only the latest one per {@code key} in a batch
     * matters: a later call with the same key replaces the arguments of the pending statement, in
     * its place (e.g. a user's credit after each of a hundred transactions: one update per batch).
     * Statements in between must not depend on the values it sets.
     */
    public void updateLatest(Object key, String sql, Object... args) {
        pending.add(batch -> {
            Statement earlier = batch.latest.get(key);
            if (earlier != null && earlier.sql.equals(sql)) {
                earlier.args = args;
            } else {
                Statement statement = new Statement(sql, args);
                batch.statements.add(statement);
                batch.latest.put(key, statement);
            }
        });
    }

    private void write(List<Statement> statements) {
        int start = 0;
        while (start < statements.size()) {
            String sql = statements.get(start).sql;
            int end = start + 1;
            while (end < statements.size() && statements.get(end).sql.equals(sql)) {
                end++;
            }
            List<Object[]> args = new ArrayList<>(end - start);
            for (Statement statement : statements.subList(start, end)) {
                args.add(statement.args);
            }
            if (args.size() == 1) {
                jdbc.update(sql, args.get(0));
            } else {
                jdbc.batchUpdate(sql, args);
            }
            start = end;
        }
    }
}
