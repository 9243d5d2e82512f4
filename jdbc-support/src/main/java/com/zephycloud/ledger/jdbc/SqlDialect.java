package com.zephycloud.ledger.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The database the read models live in, for the few statements where PostgreSQL has a much
 * cheaper form than the standard SQL that H2 (the demo and test database) also understands.
 * Any database other than PostgreSQL gets the standard form.
 */
public enum SqlDialect {

    POSTGRESQL, STANDARD;

    public static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the read models are in", e);
        }
    }

    public static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("postgresql") ? POSTGRESQL : STANDARD;
    }
}
