package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.infra.LedgerApplication;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One running server of the application, started as in production (SpringApplication) on a
 * database of its own name, with the catalog's test double and the {@link ControlledClock}.
 * Several instances on the same name share one database: a restart, or two servers at once.
 */
final class LedgerInstance implements AutoCloseable {

    private final ServletWebServerApplicationContext context;

    private LedgerInstance(ServletWebServerApplicationContext context) {
        this.context = context;
    }

    static LedgerInstance start(String databaseUrl, int billingWorkers) {
        return start(databaseUrl, billingWorkers, new String[0]);
    }

    /** @param settings more {@code --key=value} arguments */
    static LedgerInstance start(String databaseUrl, int billingWorkers, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + databaseUrl,
                "--server.port=0",
                "--zephy.admin.password=" + TestDatabase.ADMIN_PASSWORD,
                "--zephy.service.password=" + TestDatabase.SERVICE_PASSWORD,
                "--zephy.computations.billing.workers=" + billingWorkers,
                "--zephy.computations.billing.poll-interval=20ms",
                "--axoniq.update-checker.disabled=true"));
        for (String setting : TestDatabase.SMALL_POOL) {
            arguments.add("--" + setting);
        }
        arguments.addAll(List.of(settings));
        ServletWebServerApplicationContext context = (ServletWebServerApplicationContext) new SpringApplicationBuilder(
                LedgerApplication.class, CatalogTestDouble.class, ControlledClock.class)
                .run(arguments.toArray(String[]::new));
        return new LedgerInstance(context);
    }

    static String database(String name) {
        return TestDatabase.url(name);
    }

    ApiClient admin() {
        return ApiClient.admin(context.getWebServer().getPort());
    }

    ApiClient service() {
        return ApiClient.service(context.getWebServer().getPort());
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Events of other test contexts in this JVM are stamped with the system clock again. */
    static void restoreEventClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }
}
