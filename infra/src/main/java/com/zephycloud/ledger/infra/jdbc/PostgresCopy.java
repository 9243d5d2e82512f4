package com.zephycloud.ledger.infra.jdbc;

import com.zephycloud.ledger.jdbc.BatchSender;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends long runs of a plain {@code INSERT INTO t (columns) VALUES (?, …)} to PostgreSQL as one
 * {@code COPY t (columns) FROM STDIN}, in the transaction's own connection. PostgreSQL takes rows
 * through COPY several times faster than through multi-row INSERTs: it parses and plans nothing
 * per row. Any other statement, a short run, or a value this class does not know how to write in
 * COPY's text format goes as a JDBC batch, as before.
 * <p>
 * An insert that skips rows already there ({@code … ON CONFLICT DO NOTHING}: a projection handling
 * events a second time) is copied too, under a savepoint: COPY knows no conflict clause and stops
 * at the first key already present, so then the run is rolled back to the savepoint and sent as
 * the JDBC batch of its own statements, which skip those rows. Events come twice only after a
 * claim moved or a token was moved back, so nearly every run still goes as one COPY.
 */
public final class PostgresCopy implements BatchSender {

    private static final Pattern PLAIN_INSERT = Pattern.compile(
            "INSERT INTO (\\w+) \\(([\\w, ]+)\\) VALUES \\(\\?(?:, \\?)*\\)( ON CONFLICT DO NOTHING)?");
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final int minimumRows;

    /** @param minimumRows the shortest run sent as COPY; shorter ones are cheaper as a batch */
    public PostgresCopy(JdbcTemplate jdbc, int minimumRows) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.minimumRows = minimumRows;
    }

    @Override
    public int[] send(String sql, List<Object[]> argumentsPerStatement) {
        Matcher insert = PLAIN_INSERT.matcher(sql);
        if (argumentsPerStatement.size() < minimumRows || !insert.matches()) {
            return jdbc.batchUpdate(sql, argumentsPerStatement);
        }
        byte[] rows = copyText(argumentsPerStatement);
        if (rows == null) {
            return jdbc.batchUpdate(sql, argumentsPerStatement);
        }
        String copySql = "COPY " + insert.group(1) + " (" + insert.group(2) + ") FROM STDIN";
        long copied;
        if (insert.group(3) != null) {
            Long done = copySkippingNone(copySql, rows);
            if (done == null) {
                return jdbc.batchUpdate(sql, argumentsPerStatement);
            }
            copied = done;
        } else {
            copied = copy(copySql, rows);
        }
        if (copied != argumentsPerStatement.size()) {
            throw new IllegalStateException("COPY into " + insert.group(1) + " wrote " + copied + " rows of "
                    + argumentsPerStatement.size());
        }
        int[] counts = new int[argumentsPerStatement.size()];
        Arrays.fill(counts, 1);
        return counts;
    }

    private long copy(String copySql, byte[] rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new ByteArrayInputStream(rows));
        } catch (SQLException e) {
            // the same exception a JDBC batch would raise, e.g. DuplicateKeyException
            throw jdbc.getExceptionTranslator().translate("COPY", copySql, e);
        } catch (IOException e) {
            throw new IllegalStateException("COPY failed: " + copySql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The rows copied, or null if one of them was there already (nothing of them is then written). */
    private Long copySkippingNone(String copySql, byte[] rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(copySql, new ByteArrayInputStream(rows));
                connection.releaseSavepoint(savepoint);
                return copied;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(savepoint);
                return null;
            }
        } catch (SQLException e) {
            throw jdbc.getExceptionTranslator().translate("COPY", copySql, e);
        } catch (IOException e) {
            throw new IllegalStateException("COPY failed: " + copySql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The rows in COPY's text format, or null if a value has a type this class does not write. */
    static byte[] copyText(List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 128);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                if (!appendValue(text, row[i])) {
                    return null;
                }
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean appendValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            appendEscaped(text, string);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            text.append(value);
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof Boolean bool) {
            text.append(bool ? 't' : 'f');
        } else {
            return false;
        }
        return true;
    }

    /** Backslash, tab, newline and carriage return are the characters COPY's text format reserves. */
    private static void appendEscaped(StringBuilder text, String value) {
        int first = firstReserved(value);
        if (first < 0) {
            // nearly every value (hashes, names, amounts as text): copied whole, not char by char
            text.append(value);
            return;
        }
        text.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static int firstReserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }
}
