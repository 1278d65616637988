package dev.pacer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@code requests} of one op from {@code threads} client threads, closed loop (each thread sends
 * its next request when the previous one has been answered), each on a uniformly random app among
 * the {@code size} stored. Every latency is kept.
 */
public final class LoadPhase {

    private static final int ERROR_EXAMPLES = 3;

    private final MarathonClient client;
    private final AtomicLong revisions = new AtomicLong();

    public LoadPhase(MarathonClient client) {
        this.client = client;
    }

    public PhaseResult run(int size, Op op, int threads, int requests) {
        double load = Machine.loadAverage();
        long[][] perThread = new long[threads][];
        AtomicInteger errors = new AtomicInteger();
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            int share = requests / threads + (t < requests % threads ? 1 : 0);
            Thread worker = new Thread(() -> perThread[slot] = loop(size, op, share, start, errors, examples),
                    "bench-" + op.label() + "-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            join(worker);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - began);
        long[] all = Arrays.stream(perThread).filter(Objects::nonNull).flatMapToLong(Arrays::stream).toArray();
        return new PhaseResult(size, op, threads, new Samples(all), errors.get(), examples, wall, load);
    }

    private long[] loop(int size, Op op, int count, CountDownLatch start, AtomicInteger errors, List<String> examples) {
        long[] latencies = new long[count];
        int ok = 0;
        await(start);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            int app = random.nextInt(size);
            long t0 = System.nanoTime();
            String failure;
            try {
                MarathonClient.Response response = send(op, app, i);
                long elapsed = System.nanoTime() - t0;
                if (response.ok()) {
                    latencies[ok++] = elapsed;
                    continue;
                }
                failure = op.request() + " -> " + response.summary();
            } catch (RuntimeException e) {
                failure = op.request() + " -> " + e.getMessage();
            }
            errors.incrementAndGet();
            if (examples.size() < ERROR_EXAMPLES) {
                examples.add(failure);
            }
        }
        return Arrays.copyOf(latencies, ok);
    }

    private MarathonClient.Response send(Op op, int app, int i) {
        return switch (op) {
            case READ -> client.getApp(SampleApps.id(app));
            case WRITE -> client.putApp(SampleApps.id(app), i % 2 == 0
                    ? SampleApps.scaleChange()
                    : SampleApps.labelChange(app, revisions.incrementAndGet()));
            case PING -> client.ping();
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
