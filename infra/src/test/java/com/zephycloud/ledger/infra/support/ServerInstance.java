package com.zephycloud.ledger.infra.support;

import com.zephycloud.ledger.infra.LedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * One server of the application, started as in production (SpringApplication) on the database
 * at {@code databaseUrl}; several on one URL are several instances sharing one database.
 */
public final class ServerInstance implements AutoCloseable {

    private final ServletWebServerApplicationContext context;

    private ServerInstance(ServletWebServerApplicationContext context) {
        this.context = context;
    }

    /** @param settings further {@code key=value} settings */
    public static ServerInstance start(String databaseUrl, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + databaseUrl,
                "--server.port=0",
                "--zephy.admin.password=" + TestDatabase.ADMIN_PASSWORD,
                "--zephy.service.password=" + TestDatabase.SERVICE_PASSWORD,
                "--axoniq.update-checker.disabled=true"));
        for (String setting : TestDatabase.SMALL_POOL) {
            arguments.add("--" + setting);
        }
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return new ServerInstance((ServletWebServerApplicationContext) new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    public ApiClient admin() {
        return ApiClient.admin(context.getWebServer().getPort());
    }

    public ApiClient service() {
        return ApiClient.service(context.getWebServer().getPort());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Stops each of {@code instances} that started (null: did not), in the order given. */
    public static void closeAll(ServerInstance... instances) {
        for (ServerInstance instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
