package com.zephycloud.ledger.infra.benchmark;

import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.infra.ledger.SequenceIdAllocator;
import com.zephycloud.ledger.infra.messaging.GroupCommit;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.TestDatabase;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code user/consume} through HTTP (a light keep-alive client per load thread, see
 * {@link KeepAliveHttpClient}) against a baseline on the same database in the same run:
 * single-row INSERT + commit into a table shaped like the event table, the two measured in
 * alternating slices after their warm-ups. Then consume latency on an
 * account with a long history against a fresh one. Run: see docs/benchmarks.md.
 */
@Tag("benchmark")
class LedgerBenchmark extends ApiTest {

    private static final int CLIENTS = 8;
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    /** Each measure's DURATION, in slices alternating with the other measure's. */
    private static final int SLICES = Integer.getInteger("bench.slices", 4);
    /** The history sizes at which consume latency is measured on one account, ascending: e.g. 100000,1000000. */
    private static final List<Integer> HISTORY = Arrays.stream(System.getProperty("bench.history", "100000").split(","))
            .map(String::trim).map(Integer::valueOf).sorted().toList();
    /** false: the history growth alone, without the throughput against plain inserts. */
    private static final boolean THROUGHPUT = Boolean.parseBoolean(System.getProperty("bench.throughput", "true"));
    /** Untimed load before each measured run, at least this long and at most the next (see {@link LoadRun#warmUp}). */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 30));
    private static final Duration WARM_UP_MAX = Duration.ofSeconds(Long.getLong("bench.warmup-max", 300));
    private static final byte[] PAYLOAD = ("{\"userId\":12345,\"transactionId\":987654,\"amount\":0.01,"
            + "\"description\":\"benchmark\",\"details\":null,\"category\":\"manual\",\"context\":{\"projectUid\":null,"
            + "\"jobId\":null,\"computingStart\":null,\"computingEnd\":null,\"coresPerSec\":null,\"calcCount\":null,"
            + "\"meshCount\":null},\"balanceAfter\":99999.99}").getBytes();

    @Value("${spring.datasource.url}")
    private String databaseUrl;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private SequenceIdAllocator ids;
    @Autowired
    private GroupCommit groupCommit;

    @Test
    void consumeThroughHttpAgainstPlainInserts() throws Exception {
        if (!THROUGHPUT) {
            historyGrowth();
            return;
        }
        System.out.printf("%nLedger benchmark on %s, %d clients, %s per measure in %d alternating slices%n",
                databaseUrl, CLIENTS, DURATION, SLICES);
        try (Baseline baseline = new Baseline()) {
            System.out.println("baseline warm-up: " + LoadRun.warmUp(CLIENTS, WARM_UP, WARM_UP_MAX,
                    baseline.insertInto("user:warm")));
            LoadRun.Operation insert = LoadRun.continuing(CLIENTS, baseline.insertInto("user:bench"));

            long[] accounts = new long[CLIENTS];
            for (int c = 0; c < CLIENTS; c++) {
                accounts[c] = newUser(unique("bench"), "100000000");
            }
            KeepAliveHttpClient[] clients = connect(CLIENTS);
            LoadRun.Operation consumeOnce = (client, i) -> consume(clients[client], accounts[client], "benchmark");
            System.out.println("consume warm-up: " + LoadRun.warmUp(CLIENTS, WARM_UP, WARM_UP_MAX, consumeOnce));

            // The two measures alternate in slices, so that a change in the machine's speed during
            // the run (the disk's, on shared machines, moved the baseline by half between runs)
            // touches both alike instead of deciding the ratio.
            Duration slice = DURATION.dividedBy(SLICES);
            LoadRun.Result inserts = null;
            LoadRun.Result consumes = null;
            long commands = 0;
            long commits = 0;
            for (int s = 1; s <= SLICES; s++) {
                LoadRun.Result insertSlice = LoadRun.run(CLIENTS, slice, insert);
                GroupCommit.Counts sliceStart = groupCommit.counts();
                LoadRun.Result consumeSlice = LoadRun.run(CLIENTS, slice, consumeOnce);
                GroupCommit.Counts sliceEnd = groupCommit.counts();
                commands += sliceEnd.commands() - sliceStart.commands();
                commits += sliceEnd.transactions() - sliceStart.transactions();
                System.out.printf("  slice %d: baseline %.0f /s, consume %.0f /s, ratio %.2f%n", s, insertSlice.rate(),
                        consumeSlice.rate(), consumeSlice.rate() / insertSlice.rate());
                inserts = inserts == null ? insertSlice : inserts.plus(insertSlice);
                consumes = consumes == null ? consumeSlice : consumes.plus(consumeSlice);
            }
            System.out.println("baseline INSERT+commit: " + inserts);
            System.out.println("user/consume via HTTP: " + consumes);
            System.out.printf("consumptions per commit: %.2f%n", commands / (double) Math.max(1, commits));
            System.out.printf("ratio consume/baseline: %.2f (goal >= 0.35)%n", consumes.rate() / inserts.rate());

            for (KeepAliveHttpClient client : clients) {
                client.close();
            }
        }
        historyGrowth();
    }

    private KeepAliveHttpClient[] connect(int count) {
        KeepAliveHttpClient[] clients = new KeepAliveHttpClient[count];
        for (int c = 0; c < count; c++) {
            clients[c] = new KeepAliveHttpClient(port, "admin", TestDatabase.ADMIN_PASSWORD);
        }
        return clients;
    }

    private static void consume(KeepAliveHttpClient client, long account, String description) throws IOException {
        String answer = client.postForm("/admin/user/consume/", "user_id=" + account + "&amount=0.01&description="
                + description).body();
        if (!answer.contains("\"success\":1")) {
            throw new IllegalStateException("consume failed: " + answer);
        }
    }

    /**
     * The baseline: single-row INSERT + commit into a table shaped like the event table, one
     * connection per client, on the same database; the table is dropped at the end.
     */
    private final class Baseline implements AutoCloseable {

        private final String table = "bench_event_" + Long.toString(System.nanoTime(), 36);
        private final Connection[] connections = new Connection[CLIENTS];
        private final PreparedStatement[] inserts = new PreparedStatement[CLIENTS];

        Baseline() throws SQLException {
            try (Connection connection = DriverManager.getConnection(databaseUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (global_index BIGINT GENERATED BY DEFAULT AS IDENTITY"
                        + " PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,"
                        + " aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,"
                        + " type VARCHAR(255), time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL,"
                        + " payload_revision VARCHAR(255), payload BYTEA NOT NULL, meta_data BYTEA,"
                        + " UNIQUE (aggregate_identifier, sequence_number))");
            }
            for (int c = 0; c < CLIENTS; c++) {
                connections[c] = DriverManager.getConnection(databaseUrl);
                connections[c].setAutoCommit(true);
                inserts[c] = connections[c].prepareStatement("INSERT INTO " + table + " (event_identifier,"
                        + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,"
                        + " payload, meta_data) VALUES (?, ?, ?, 'UserAccount', ?, 'CreditConsumed', '1', ?, ?)");
            }
        }

        /** Appends to aggregate {@code aggregatePrefix + client} at sequence number = iteration. */
        LoadRun.Operation insertInto(String aggregatePrefix) {
            return (client, i) -> {
                PreparedStatement insert = inserts[client];
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, aggregatePrefix + client);
                insert.setLong(3, i);
                insert.setString(4, java.time.Instant.now().toString());
                insert.setBytes(5, PAYLOAD);
                insert.setBytes(6, "{}".getBytes());
                insert.executeUpdate();
            };
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
            try (Connection connection = DriverManager.getConnection(databaseUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table);
            }
        }
    }

    /**
     * Consume latency from one client on an account with a growing history, each size against a
     * fresh account measured just before it: a cost that grows with the account's history shows
     * as a slowdown above 1.
     */
    private void historyGrowth() throws Exception {
        long longHistory = newUser(unique("history"), "100000000");
        int filled = 0;
        Duration each = Duration.ofSeconds(Math.max(5, DURATION.toSeconds() / 2));
        for (int size : HISTORY) {
            long t0 = System.nanoTime();
            fill(longHistory, size - filled);
            filled = size;
            System.out.printf("built a history of %d transactions in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);

            long fresh = newUser(unique("fresh"), "100000000");
            // connected after the long fill: an idle connection is closed by the server
            KeepAliveHttpClient client = connect(1)[0];
            LoadRun.warmUp(1, each, each, (c, i) -> consume(client, fresh, "warm"));
            LoadRun.Result onFresh = LoadRun.run(1, each, (c, i) -> consume(client, fresh, "fresh"));
            LoadRun.Result onLong = LoadRun.run(1, each, (c, i) -> consume(client, longHistory, "long"));
            client.close();
            System.out.println("consume on a fresh account:          " + onFresh);
            System.out.println("consume after " + size + " transactions: " + onLong);
            System.out.printf("history-growth slowdown at %d: p50 %.2fx, p99 %.2fx (goal <= 1.3x)%n", size,
                    onLong.latency().millis(50) / onFresh.latency().millis(50),
                    onLong.latency().millis(99) / onFresh.latency().millis(99));
        }
    }

    /** Fills a history through the command bus, in-process: the same aggregate and event store path. */
    private void fill(long userId, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < count / 4; i++) {
                    commands.sendAndWait(new ConsumeCredit(UserId.of(userId), ids.next(), Zephycoins.of("0.01"),
                            "history", null, ChargeCategory.MANUAL, ChargeContext.NONE));
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }
}
