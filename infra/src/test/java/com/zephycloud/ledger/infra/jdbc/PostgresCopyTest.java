package com.zephycloud.ledger.infra.jdbc;

import com.zephycloud.ledger.infra.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs of INSERTs sent as COPY store exactly what the INSERTs would have stored. */
class PostgresCopyTest {

    private static final String INSERT = "INSERT INTO copied (id, label, amount, flag, count) VALUES (?, ?, ?, ?, ?)";

    @Test
    void theTextFormatEscapesWhatCopyReservesAndWritesNullsAndNumbersPlainly() {
        byte[] text = PostgresCopy.copyText(List.of(
                new Object[]{1L, "tab\there\\ and\nline\rend", new BigDecimal("1E+3"), true, 7},
                new Object[]{2L, null, new BigDecimal("-0.00000001"), false, null},
                new Object[]{3L, "plain café", BigDecimal.ONE, true, 0},
                new Object[]{4L, "\\first", BigDecimal.ZERO, false, 1}));

        assertThat(new String(text, StandardCharsets.UTF_8)).isEqualTo(
                "1\ttab\\there\\\\ and\\nline\\rend\t1000\tt\t7\n"
                        + "2\t\\N\t-0.00000001\tf\t\\N\n"
                        + "3\tplain café\t1\tt\t0\n"
                        + "4\t\\\\first\t0\tf\t1\n");
    }

    @Test
    void aValueOfAnotherTypeIsLeftToAJdbcBatch() {
        assertThat(PostgresCopy.copyText(List.<Object[]>of(new Object[]{1L, 2.5d}))).isNull();
    }

    @Test
    void aLongRunGoesAsCopyAndReadsBackAsWritten() {
        assumeTrue(TestDatabase.isPostgres(), "COPY is PostgreSQL's");
        Database db = database();
        List<Object[]> rows = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            rows.add(new Object[]{id, id % 3 == 0 ? null : "row " + id + "\t\\x\n'quoted' é",
                    new BigDecimal("12345678901234567890.12345678").negate().add(BigDecimal.valueOf(id)),
                    id % 2 == 0, (int) id});
        }

        int[] counts = db.inTransaction(() -> db.copy.send(INSERT, rows));

        assertThat(counts).hasSize(40).containsOnly(1);
        List<Map<String, Object>> stored = db.jdbc.queryForList("SELECT * FROM copied ORDER BY id");
        assertThat(stored).hasSize(40);
        for (int i = 0; i < 40; i++) {
            Object[] row = rows.get(i);
            Map<String, Object> read = stored.get(i);
            assertThat(read.get("id")).isEqualTo(row[0]);
            assertThat(read.get("label")).isEqualTo(row[1]);
            assertThat((BigDecimal) read.get("amount")).isEqualByComparingTo((BigDecimal) row[2]);
            assertThat(read.get("flag")).isEqualTo(row[3]);
            assertThat(read.get("count")).isEqualTo(row[4]);
        }
    }

    @Test
    void aDuplicateKeyIsTheSameErrorAsFromABatchAndTheTransactionKeepsNothing() {
        assumeTrue(TestDatabase.isPostgres(), "COPY is PostgreSQL's");
        Database db = database();
        List<Object[]> rows = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            rows.add(new Object[]{id == 40 ? 1L : id, "r", BigDecimal.ONE, true, 1});
        }

        assertThatThrownBy(() -> db.inTransaction(() -> db.copy.send(INSERT, rows)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM copied", Long.class)).isZero();
    }

    @Test
    void shortRunsAndOtherStatementsGoAsJdbcBatches() {
        assumeTrue(TestDatabase.isPostgres(), "COPY is PostgreSQL's");
        Database db = database();
        List<Object[]> few = List.of(new Object[]{1L, "a", BigDecimal.ONE, true, 1},
                new Object[]{2L, "b", BigDecimal.TEN, false, 2});
        db.inTransaction(() -> db.copy.send(INSERT, few));

        int[] updated = db.inTransaction(() -> db.copy.send("UPDATE copied SET count = count + 1 WHERE id = ?",
                Arrays.asList(new Object[]{1L}, new Object[]{2L}, new Object[]{3L})));

        assertThat(updated).containsExactly(1, 1, 0);
        assertThat(db.jdbc.queryForList("SELECT count FROM copied ORDER BY id", Integer.class)).containsExactly(2, 3);
    }

    private record Database(JdbcTemplate jdbc, TransactionTemplate transactions, PostgresCopy copy) {

        <T> T inTransaction(Supplier<T> work) {
            return transactions.execute(status -> work.get());
        }
    }

    private static Database database() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(TestDatabase.newUrl("copy_"), true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP TABLE IF EXISTS copied");
        jdbc.execute("CREATE TABLE copied (id BIGINT PRIMARY KEY, label VARCHAR(200), amount NUMERIC(30, 8),"
                + " flag BOOLEAN, count INTEGER)");
        return new Database(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new PostgresCopy(jdbc, 32));
    }
}
