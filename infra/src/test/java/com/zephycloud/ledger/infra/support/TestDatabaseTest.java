package com.zephycloud.ledger.infra.support;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests run on the database the environment asks for, not silently on another one. */
class TestDatabaseTest extends ApiTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void testsRunOnPostgresqlWhenZephyDbUrlIsSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
        }
    }
}
