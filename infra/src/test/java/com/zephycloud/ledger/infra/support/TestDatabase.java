package com.zephycloud.ledger.infra.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database of a test run. With ZEPHY_DB_URL set (a PostgreSQL URL), every test JVM gets a
 * fresh schema in that database, dropped when the JVM exits; without it, an in-memory embedded
 * database. Either way the schema comes from the application's own migrations.
 */
public final class TestDatabase {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String SERVICE_PASSWORD = "test-service-password";

    private static final String POSTGRES_URL = System.getenv("ZEPHY_DB_URL");
    private static final String NAME = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static boolean dropHookInstalled;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return POSTGRES_URL != null && !POSTGRES_URL.isBlank();
    }

    /** A database URL of its own for {@code name}, so that a test can hold a separate database. */
    public static String url(String name) {
        if (isPostgres()) {
            createSchema(name);
            return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    public static String url() {
        return url(NAME);
    }

    /** A database URL of its own, never shared with the test application: {@code prefix} and a random part. */
    public static String newUrl(String prefix) {
        return url(prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    }

    /**
     * Pool settings of a test application: connections opened on demand and closed when idle, at
     * most 10. Every cached test context keeps its pool, and other test runs may share the same
     * PostgreSQL (100 connections by default): full pools of 20 each ran it out of connections,
     * and a context's projections (four segments each, every segment extending its claim every few
     * seconds) keep most of a pool in use.
     */
    public static final String[] SMALL_POOL = {
            "spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000",
            "spring.datasource.hikari.maximum-pool-size=10"};

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        smallPool(registry);
        registry.add("zephy.admin.password", () -> ADMIN_PASSWORD);
        registry.add("zephy.service.password", () -> SERVICE_PASSWORD);
    }

    /** {@link #SMALL_POOL}, for a test application on a database of its own. */
    public static void smallPool(DynamicPropertyRegistry registry) {
        for (String setting : SMALL_POOL) {
            String[] keyAndValue = setting.split("=", 2);
            registry.add(keyAndValue[0], () -> keyAndValue[1]);
        }
    }

    private static synchronized void createSchema(String name) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + name + " in " + POSTGRES_URL, e);
        }
        installDropHook(name);
    }

    private static void installDropHook(String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (SQLException ignored) {
                // the JVM is exiting; a leftover schema is harmless and named t_*
            }
        }));
    }
}
