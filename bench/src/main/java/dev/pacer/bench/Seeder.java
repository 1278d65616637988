package dev.pacer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Grows the store to a given number of apps through the public API, then checks that the apps are
 * there and waits until the scheduler has no deployment left (so background work of the seeding
 * does not land in the measurements).
 */
final class Seeder {

    private static final int POST_THREADS = 4;

    private final MarathonClient client;
    private final BenchOptions options;
    private int stored;

    Seeder(MarathonClient client, BenchOptions options) {
        this.client = client;
        this.options = options;
    }

    /** Adds apps {@code stored .. size-1}; returns how long that took. */
    Duration growTo(int size) {
        long t0 = System.nanoTime();
        if (options.seedWith().equals("bulk")) {
            for (int from = stored; from < size; from += options.batch()) {
                List<String> batch = IntStream.range(from, Math.min(size, from + options.batch()))
                        .mapToObj(SampleApps::definition).toList();
                MarathonClient.Response response = client.putApps(batch);
                check(response.ok(), "PUT /v2/apps (apps %d..%d) -> %s", from, from + batch.size() - 1, response.summary());
            }
        } else {
            postEach(stored, size);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        for (int probe : new int[] {0, size / 2, size - 1}) {
            MarathonClient.Response response = client.getApp(SampleApps.id(probe));
            check(response.status() == 200 && response.body().contains(SampleApps.id(probe)),
                    "seeded app %s is not readable: GET -> %s", SampleApps.id(probe), response.summary());
        }
        stored = size;
        return took;
    }

    /**
     * Waits, at most {@code settle} in all, until {@code GET /v2/deployments} answers {@code []} (where
     * the endpoint exists) and then until the scheduler is idle: under 10% of a core for two seconds
     * in a row (its reconcilers work through the apps just written). Returns a phrase for the report.
     */
    String settle(ProcessHandle scheduler) {
        long t0 = System.nanoTime();
        long deadline = t0 + options.settle().toNanos();
        String deployments = "no GET /v2/deployments";
        while (System.nanoTime() < deadline) {
            MarathonClient.Response response = client.deployments();
            if (response.status() != 200) {
                break;
            }
            if (response.body().replaceAll("\\s", "").equals("[]")) {
                deployments = "deployments drained";
                break;
            }
            pause(Duration.ofMillis(500));
        }
        int quietSeconds = 0;
        Duration cpu = IdleCpu.cpu(scheduler);
        while (quietSeconds < 2 && System.nanoTime() < deadline) {
            pause(Duration.ofSeconds(1));
            Duration now = IdleCpu.cpu(scheduler);
            quietSeconds = now.minus(cpu).toMillis() < 100 ? quietSeconds + 1 : 0;
            cpu = now;
        }
        return String.format(Locale.ROOT, "%s, scheduler %s after %.1f s", deployments,
                quietSeconds >= 2 ? "idle" : "still busy (measured anyway)", (System.nanoTime() - t0) / 1e9);
    }

    private void postEach(int from, int to) {
        ExecutorService pool = Executors.newFixedThreadPool(POST_THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = from; i < to; i++) {
                int app = i;
                futures.add(pool.submit(() -> {
                    MarathonClient.Response response = client.postApp(SampleApps.definition(app));
                    check(response.ok(), "POST /v2/apps (%s) -> %s", SampleApps.id(app), response.summary());
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalStateException(String.format(format, args));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
