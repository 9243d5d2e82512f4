package com.zephycloud.ledger.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Insert, update and delete statements of the read models and the command side's registers,
 * sent per unit of work (see {@link PerBatch}) in the order they were issued: consecutive
 * statements with the same SQL go to the database as one JDBC batch. A projection's batch of a
 * hundred events, or a billing batch of a hundred slices, costs a few round trips instead of
 * hundreds. For writes whose outcome the handler does not read back, except through a row-count
 * check that runs when the statement is sent and throws to roll the unit of work back.
 */
public final class BatchedStatements {

    private static final IntConsumer NO_CHECK = rows -> {
    };

    private static final class Statement {
        final String sql;
        final IntConsumer rowCountCheck;
        Object[] args;

        Statement(String sql, Object[] args, IntConsumer rowCountCheck) {
            this.sql = sql;
            this.args = args;
            this.rowCountCheck = rowCountCheck;
        }
    }

    /** The statements of one unit of work, and those that a later one with the same key replaces. */
    private static final class Pending {
        final List<Statement> statements = new ArrayList<>();
        final Map<Object, Statement> latest = new HashMap<>();
    }

    private final JdbcTemplate jdbc;
    private final BatchSender runs;
    private final PerBatch<Pending> pending;

    /** Runs of statements go as plain JDBC batches. */
    public BatchedStatements(JdbcTemplate jdbc) {
        this(jdbc, BatchSender.jdbcBatches(jdbc));
    }

    /** @param runs sends each run of two or more statements with the same SQL */
    public BatchedStatements(JdbcTemplate jdbc, BatchSender runs) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.pending = new PerBatch<>(Pending::new, batch -> write(batch.statements));
    }

    public void update(String sql, Object... args) {
        update(sql, args, NO_CHECK);
    }

    /**
     * A statement whose number of changed rows is passed to {@code rowCountCheck} when it is sent
     * (an INSERT sent in a multi-row batch may report no count: check UPDATEs and DELETEs only).
     */
    public void update(String sql, Object[] args, IntConsumer rowCountCheck) {
        pending.add(batch -> batch.statements.add(new Statement(sql, args, rowCountCheck)));
    }

    /**
     * A statement that must change exactly one row: any other count rolls the unit of work back
     * with an {@link IllegalStateException} carrying {@code failure}.
     */
    public void updateOne(String sql, Object[] args, String failure) {
        update(sql, args, rows -> {
            if (rows != 1) {
                throw new IllegalStateException(failure);
            }
        });
    }

    /**
     * A statement that sets values outright, so that only the latest one per {@code key} in a unit
     * of work matters: a later call with the same key replaces the arguments of the pending
     * statement, in its place (e.g. a user's credit after each of a hundred transactions: one
     * update per batch). Statements in between must not depend on the values it sets.
     */
    public void updateLatest(Object key, String sql, Object... args) {
        pending.add(batch -> {
            Statement earlier = batch.latest.get(key);
            if (earlier != null && earlier.sql.equals(sql)) {
                earlier.args = args;
            } else {
                Statement statement = new Statement(sql, args, NO_CHECK);
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
            List<Statement> sameSql = statements.subList(start, end);
            if (sameSql.size() == 1) {
                sameSql.get(0).rowCountCheck.accept(jdbc.update(sql, sameSql.get(0).args));
            } else {
                int[] counts = runs.send(sql, sameSql.stream().map(statement -> statement.args).toList());
                for (int i = 0; i < counts.length; i++) {
                    sameSql.get(i).rowCountCheck.accept(counts[i]);
                }
            }
            start = end;
        }
    }
}
