package dev.pacer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load for one URL, two ways. {@link #paced}: a fixed request rate (open loop), request k due at
 * {@code start + k / rate}; its latency counts from when it was due, not from when it was sent, so a
 * slow server cannot hide its queueing (no coordinated omission). {@link #throughput}: closed loop,
 * N threads as fast as answers come back. Blocking {@code java.net.http}, HTTP/1.1 keep-alive.
 */
final class PacedLoad {

    /** Latencies (ns) of the requests that succeeded, and how many failed. */
    record Result(long[] nanos, Samples samples, int errors) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    Result paced(String url, String authorization, int rate, Duration duration, int workers) {
        int total = (int) Math.max(1, rate * duration.toMillis() / 1000);
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[total];
        boolean[] failed = new boolean[total];
        long start = System.nanoTime() + 20_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int first = w;
            threads.add(started(() -> {
                for (int k = first; k < total; k += workers) {
                    long due = start + k * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    boolean ok = send(url, authorization);
                    latencies[k] = System.nanoTime() - due;
                    failed[k] = !ok;
                }
            }));
        }
        join(threads);
        long[] good = new long[total];
        int n = 0;
        int errors = 0;
        for (int k = 0; k < total; k++) {
            if (failed[k]) {
                errors++;
            } else {
                good[n++] = latencies[k];
            }
        }
        long[] kept = Arrays.copyOf(good, n);
        return new Result(kept, new Samples(kept), errors);
    }

    /** Completed requests per second with {@code threads} closed-loop clients. */
    double throughput(String url, String authorization, int threads, Duration duration) {
        AtomicLong done = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        long begin = System.nanoTime();
        List<Thread> list = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            list.add(started(() -> {
                while (System.nanoTime() < end) {
                    if (send(url, authorization)) {
                        done.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        join(list);
        return done.get() / ((System.nanoTime() - begin) / 1e9);
    }

    boolean send(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work, "bench-load");
        thread.start();
        return thread;
    }

    private static void join(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
