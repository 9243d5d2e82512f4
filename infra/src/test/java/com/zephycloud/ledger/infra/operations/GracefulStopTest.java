package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.LedgerApplication;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server, started as a process of its own and loaded with consumptions, is sent SIGTERM:
 * every consumption it acknowledged is in the event store afterwards, and every other answer is
 * a 503 or a refused connection, never a 5xx of another kind. The process logs in JSON
 * ({@code logging.structured.format.console=logstash}), as an operator would run it.
 */
class GracefulStopTest {

    private static final Pattern DESCRIPTION = Pattern.compile("\"description\":\"(stop-\\d+-\\d+)\"");
    private static final int CLIENTS = 6;

    @Test
    void nothingAcknowledgedIsLostAcrossAStop() throws Exception {
        String name = "graceful_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Path folder = Files.createTempDirectory("graceful-stop");
        String url = TestDatabase.isPostgres() ? TestDatabase.url(name) : "jdbc:h2:file:" + folder.resolve("db")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        int port = freePort();
        File log = folder.resolve("server.log").toFile();
        Process server = new ProcessBuilder(javaCommand(), "-cp", classPath(), LedgerApplication.class.getName(),
                "--server.port=" + port, "--spring.datasource.url=" + url,
                "--zephy.admin.password=" + TestDatabase.ADMIN_PASSWORD,
                "--zephy.service.password=" + TestDatabase.SERVICE_PASSWORD, "--zephy.catalog.demo-data=false",
                "--spring.datasource.hikari.minimum-idle=1", "--logging.structured.format.console=logstash",
                "--axoniq.update-checker.disabled=true")
                .redirectErrorStream(true).redirectOutput(log).start();
        try {
            awaitReady(port, server, log);
            ApiClient admin = ApiClient.admin(port);
            long userId = admin.post("/admin/user/new/", ApiClient.params("login", "stopping", "email",
                    "stopping@example.com", "pwd", "secret-password", "rank", "gold", "nbr_coins", "1000000")).ok().asLong();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<String> unexpected = new ArrayList<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread thread = new Thread(() -> consumeUntilRefused(port, userId, client, acknowledged, unexpected));
                thread.start();
                clients.add(thread);
            }
            Thread.sleep(1500);
            server.destroy(); // SIGTERM
            for (Thread thread : clients) {
                thread.join(60_000);
            }
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server stopped").isTrue();
            assertThat(acknowledged).hasSizeGreaterThan(10);
            synchronized (unexpected) {
                assertThat(unexpected).as("answers other than 200, 503 or a refused connection").isEmpty();
            }
            Set<String> stored = storedDescriptions(url);
            assertThat(stored).containsAll(acknowledged);
            assertThat(Files.readAllLines(log.toPath(), StandardCharsets.UTF_8)).anySatisfy(line ->
                    assertThat(line).startsWith("{").contains("zephy.access").contains("/admin/user/consume"));
        } finally {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void consumeUntilRefused(int port, long userId, int client, Set<String> acknowledged,
                                            List<String> unexpected) {
        ApiClient admin = ApiClient.admin(port);
        for (int i = 0; ; i++) {
            String description = "stop-" + client + "-" + i;
            ApiResult answer;
            try {
                answer = admin.post("/admin/user/consume/", ApiClient.params("user_id", userId, "amount", "0.01",
                        "description", description));
            } catch (IllegalStateException connectionRefusedOrClosed) {
                return;
            }
            if (answer.status() == 200 && answer.body().path("success").asInt() == 1) {
                acknowledged.add(description);
            } else if (answer.status() != 503) {
                synchronized (unexpected) {
                    unexpected.add(answer.status() + " " + answer.body());
                }
            }
        }
    }

    private static Set<String> storedDescriptions(String url) throws Exception {
        Set<String> descriptions = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT payload FROM domain_event_entry WHERE payload_type LIKE '%CreditConsumed'")) {
            while (rows.next()) {
                Matcher description = DESCRIPTION.matcher(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                while (description.find()) {
                    descriptions.add(description.group(1));
                }
            }
        }
        return descriptions;
    }

    private static void awaitReady(int port, Process server, File log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server is running; its log: %s", log).isTrue();
            try {
                if (ApiClient.anonymous(port).get("/actuator/health/readiness", Map.of()).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server never became ready; its log: " + log);
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
