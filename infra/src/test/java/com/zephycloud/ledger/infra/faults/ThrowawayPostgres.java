package com.zephycloud.ledger.infra.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the harness's own: a cluster created with initdb in a temporary folder,
 * on a free port, trust authentication, started and stopped with pg_ctl. Stopping it harms nothing
 * else on the machine. PostgreSQL refuses to run as root, so as root its programs run as the
 * postgres user (runuser).
 */
final class ThrowawayPostgres implements AutoCloseable {

    private final Path bin;
    private final Path folder;
    private final int port;

    private ThrowawayPostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    static ThrowawayPostgres create(Path bin, int port) throws IOException {
        Path folder = Files.createTempDirectory("fault-harness-pg");
        ThrowawayPostgres server = new ThrowawayPostgres(bin, folder, port);
        if (asRoot()) {
            run(List.of("chown", "postgres", folder.toString()));
        }
        server.pg("initdb", "-D", server.data(), "-A", "trust", "-U", "postgres", "--no-sync");
        server.start();
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** The settings are the defaults but the port and the socket folder; the log is in the folder. */
    void start() {
        pg("pg_ctl", "-D", data(), "-l", folder.resolve("postgres.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + folder, "start");
    }

    /** A fast stop: open connections are cut, as when the database server goes away. */
    void stop() {
        pg("pg_ctl", "-D", data(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    @Override
    public void close() throws IOException {
        try {
            pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private void pg(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
