package com.zephycloud.ledger.infra.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the application: the packaged jar run by {@code java -jar} as an OS process of
 * its own, configured through the environment variables of the README, as an operator runs it.
 * Its output goes to {@code <name>.log} in the harness's folder (appended across restarts).
 */
final class InstanceProcess {

    private final String name;
    private final Path jar;
    private final int port;
    private final String databaseUrl;
    private final Path folder;
    private Process process;

    InstanceProcess(String name, Path jar, int port, String databaseUrl, Path folder) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.databaseUrl = databaseUrl;
        this.folder = folder;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return folder.resolve(name + ".log");
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString());
        Map<String, String> env = builder.environment();
        env.put("ZEPHY_DB_URL", databaseUrl);
        env.put("ZEPHY_PORT", Integer.toString(port));
        env.put("ZEPHY_DB_POOL_SIZE", "10");
        // a request waits this long for a connection before its 503 (Hikari's default: 30 s); the
        // setting docs/scaling.md recommends behind a load balancer
        env.put("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "5000");
        env.put("ZEPHY_ADMIN_PASSWORD", HarnessHttp.PASSWORD);
        env.put("ZEPHY_SERVICE_PASSWORD", HarnessHttp.PASSWORD);
        env.put("ZEPHY_CATALOG_DEMO_DATA", "false");
        env.put("ZEPHY_FILES_DIR", folder.resolve(name + "-files").toString());
        env.put("ZEPHY_FILES_SIGNING_SECRET", "fault-harness-signing-secret");
        process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
    }

    /** Waits for readiness 200; false when {@code limit} passed first. */
    boolean awaitReady(HarnessHttp http, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped; its log: " + log());
            }
            if (ready(http)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    boolean ready(HarnessHttp http) {
        return http.get(port, "/actuator/health/readiness").status() == 200;
    }

    /** The readiness components that are not UP, with their details: what a mismatch "not ready" reports. */
    String whyNotReady(HarnessHttp http) {
        HttpAnswer answer = http.adminGet(port, "/actuator/health/readiness");
        if (answer.status() == 0 || answer.body() == null || !answer.body().has("components")) {
            return answer.toString();
        }
        StringBuilder down = new StringBuilder();
        answer.body().get("components").fields().forEachRemaining(component -> {
            if (!"UP".equals(component.getValue().path("status").asText())) {
                down.append(down.isEmpty() ? "" : "; ").append(component.getKey()).append(' ')
                        .append(component.getValue());
            }
        });
        return down.isEmpty() ? answer.toString() : down.toString();
    }

    /** SIGKILL: no stop phase at all, as a crash or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and its graceful stop. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** SIGSTOP: the process holds its sockets and claims and does nothing, as in a long GC pause. */
    void pause() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
