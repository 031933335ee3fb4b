package io.caseswarm.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The two ways the suite offers load. A closed loop finds the most a system does: each client sends
 * its next request when the last one answers. An open loop offers a fixed rate whatever the answers
 * do, and times each request from when it was due, not from when it was sent, so that a stall shows
 * in every request it held back (no coordinated omission).
 */
final class LoadLoops {

    /** One request; {@code i} numbers the requests of a run from 0. Throws when the request fails. */
    @FunctionalInterface
    interface Request {
        void send(long i) throws Exception;
    }

    /** Enough senders that a slow answer does not hold the next request back at the rates measured here. */
    private static final int OPEN_LOOP_SENDERS = 64;

    private LoadLoops() {
    }

    /** {@code clients} clients, back to back, for {@code length}; returns how many requests completed. */
    static long closed(int clients, Duration length, LatencySeries latency, Request request) {
        AtomicLong next = new AtomicLong();
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + length.toNanos();
        run(clients, () -> {
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                request.send(next.getAndIncrement());
                latency.recordNanos(System.nanoTime() - start);
                done.increment();
            }
        });
        return done.sum();
    }

    /**
     * {@code perSecond} requests a second, evenly spaced, for {@code length}; each timed from when it was
     * due. Returns how many completed (all of them, unless a request failed).
     */
    static long open(double perSecond, Duration length, LatencySeries latency, Request request) {
        long total = Math.max(1, (long) (perSecond * length.toMillis() / 1000.0));
        double spacingNanos = 1e9 / perSecond;
        AtomicLong next = new AtomicLong();
        LongAdder done = new LongAdder();
        long start = System.nanoTime();
        run(OPEN_LOOP_SENDERS, () -> {
            for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                long due = start + (long) (i * spacingNanos);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                request.send(i);
                latency.recordNanos(System.nanoTime() - due);
                done.increment();
            }
        });
        return done.sum();
    }

    private interface Loop {
        void run() throws Exception;
    }

    private static void run(int threads, Loop loop) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    loop.run();
                    return null;
                }));
            }
            for (Future<?> one : running) {
                one.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("A request of the load failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
