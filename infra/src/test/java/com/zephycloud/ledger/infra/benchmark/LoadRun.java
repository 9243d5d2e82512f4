package com.zephycloud.ledger.infra.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs an operation from N clients for a fixed duration and records every latency. */
public final class LoadRun {

    /** One client's operation; {@code client} and {@code iteration} let it pick its own data. */
    @FunctionalInterface
    public interface Operation {
        void run(int client, long iteration) throws Exception;
    }

    public record Result(long operations, double seconds, Percentiles latency) {
        public double rate() {
            return operations / seconds;
        }

        /** This run and {@code other} as one: their operations, their times and their latencies. */
        public Result plus(Result other) {
            return new Result(operations + other.operations, seconds + other.seconds, latency.plus(other.latency));
        }

        @Override
        public String toString() {
            return String.format("%.0f ops/s (%d in %.1f s), %s", rate(), operations, seconds, latency);
        }
    }

    /** How long the untimed load ran, and the JIT compiler's share of its last step. */
    public record WarmUp(Duration spent, double compilerShare) {
        @Override
        public String toString() {
            return String.format("%d s, the JIT compiler busy %.1f%% of the last %d s", spent.toSeconds(),
                    compilerShare * 100, STEP.toSeconds());
        }
    }

    private static final Duration STEP = Duration.ofSeconds(10);
    /** Compilation time under this share of a step's wall time: the code the load runs is compiled. */
    private static final double QUIET = 0.02;

    private LoadRun() {
    }

    /**
     * Untimed load in steps of ten seconds until the JIT compiler has gone quiet, at least
     * {@code min} and at most {@code max}. A server answers for hours: measured while the compiler
     * still worked (a quarter of the CPU 60 s into the ledger benchmark's load), it would be
     * measured at half its rate. Iterations go on counting across the steps.
     */
    public static WarmUp warmUp(int clients, Duration min, Duration max, Operation operation) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        Operation continuing = continuing(clients, operation);
        long start = System.nanoTime();
        while (true) {
            long compilingBefore = jit.getTotalCompilationTime();
            long stepStart = System.nanoTime();
            run(clients, STEP, continuing);
            double stepMillis = (System.nanoTime() - stepStart) / 1e6;
            double share = (jit.getTotalCompilationTime() - compilingBefore) / stepMillis;
            Duration spent = Duration.ofNanos(System.nanoTime() - start);
            if (spent.compareTo(min) >= 0 && share < QUIET || spent.compareTo(max) >= 0) {
                return new WarmUp(spent, share);
            }
        }
    }

    /**
     * {@code operation} with iterations that go on counting from one run to the next, for an
     * operation whose data must not repeat (an aggregate's sequence numbers).
     */
    public static Operation continuing(int clients, Operation operation) {
        long[] next = new long[clients];
        return (client, i) -> operation.run(client, next[client]++);
    }

    public static Result run(int clients, Duration duration, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] samples = new long[1024];
                int n = 0;
                for (long i = 0; System.nanoTime() < end; i++) {
                    long t0 = System.nanoTime();
                    operation.run(client, i);
                    if (n == samples.length) {
                        samples = java.util.Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = System.nanoTime() - t0;
                }
                return java.util.Arrays.copyOf(samples, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new Result(merged.length, seconds, new Percentiles(merged));
    }
}
