package com.zephycloud.ledger.infra.persistence;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The SQL writes of the command side's registers (handlers on subscribing processors), sent as
 * JDBC batches: statements are collected while the processor's unit of work handles its events
 * and sent when it prepares to commit, still inside the command's database transaction, so a
 * failed write rolls the command back as before. Consecutive statements with the same SQL go in
 * one round trip; the order of the statements is kept. A billing batch stores hundreds of events
 * at once, and one round trip per register row was a large part of its cost.
 */
@Component
public class RegisterWrites {

    private static final String PENDING = RegisterWrites.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    public RegisterWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Statement(String sql, Object[] arguments, IntConsumer rowCountCheck) {
    }

    /** Writes with {@code sql}, before the unit of work commits. */
    public void write(String sql, Object... arguments) {
        write(sql, arguments, rows -> {
        });
    }

    /**
     * Writes with {@code sql}, before the unit of work commits, then passes the number of rows it
     * changed to {@code rowCountCheck}, which throws to roll the command back.
     */
    public void write(String sql, Object[] arguments, IntConsumer rowCountCheck) {
        Statement statement = new Statement(sql, arguments, rowCountCheck);
        if (!CurrentUnitOfWork.isStarted()) {
            send(List.of(statement));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<Statement> pending = unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Statement> statements = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> sendAll(statements));
            return statements;
        });
        pending.add(statement);
    }

    private void sendAll(List<Statement> statements) {
        int from = 0;
        for (int i = 1; i <= statements.size(); i++) {
            if (i == statements.size() || !statements.get(i).sql().equals(statements.get(from).sql())) {
                send(statements.subList(from, i));
                from = i;
            }
        }
    }

    /** Sends statements sharing one SQL text in one batch, and checks each row count. */
    private void send(List<Statement> sameSql) {
        int[] counts = jdbc.batchUpdate(sameSql.get(0).sql(), sameSql.stream().map(Statement::arguments).toList());
        for (int i = 0; i < counts.length; i++) {
            sameSql.get(i).rowCountCheck().accept(counts[i]);
        }
    }
}
