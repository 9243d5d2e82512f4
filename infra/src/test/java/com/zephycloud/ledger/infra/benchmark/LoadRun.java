package com.zephycloud.ledger.infra.benchmark;

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

        @Override
        public String toString() {
            return String.format("%.0f ops/s (%d in %.1f s), %s", rate(), operations, seconds, latency);
        }
    }

    private LoadRun() {
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
