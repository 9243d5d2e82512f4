package com.zephycloud.ledger.infra.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * The client threads, which can be paused between two commands (a job thread first finishes its
 * job), so that the checks see a store at rest, and resumed.
 */
final class Traffic {

    /** One client's loop: {@link #step} does one unit of work (a command, or a job's whole life). */
    interface Client {
        void step(Traffic traffic) throws InterruptedException;
    }

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean paused = true;
    private volatile boolean stopped;
    private int idle;

    void start(List<Client> clients) {
        for (Client client : clients) {
            Thread thread = new Thread(() -> run(client), "fault-client-" + threads.size());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        resume();
    }

    /** True once a pause was asked: a job thread ends its job now. */
    boolean pausing() {
        return paused || stopped;
    }

    synchronized void pause() throws InterruptedException {
        paused = true;
        while (idle < threads.size()) {
            wait(100);
        }
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    void stop() throws InterruptedException {
        stopped = true;
        resume();
        for (Thread thread : threads) {
            thread.join(120_000);
        }
    }

    private void run(Client client) {
        try {
            while (!stopped) {
                awaitResumed();
                if (!stopped) {
                    client.step(this);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                idle++;
                notifyAll();
            }
        }
    }

    private synchronized void awaitResumed() throws InterruptedException {
        if (!paused) {
            return;
        }
        idle++;
        notifyAll();
        while (paused && !stopped) {
            wait();
        }
        idle--;
    }
}
