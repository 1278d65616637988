package dev.pacer.scheduler.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyedWorkQueueTest {

    @Test
    void oneKey_isNeverProcessedByTwoWorkersAtOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        try (KeyedWorkQueue<String> queue = new KeyedWorkQueue<>("t", 4, key -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            sleepQuietly(5);
            inFlight.decrementAndGet();
            return Optional.empty();
        })) {
            for (int i = 0; i < 200; i++) {
                queue.enqueue("app");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> queue.queued() == 0 && queue.busy() == 0);
        }
        assertThat(maxInFlight.get()).isEqualTo(1);
        assertThat(runs.get()).isBetween(1, 200);
    }

    @Test
    void aKeyEnqueuedWhileItRuns_runsOnceMoreAfterwards() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (KeyedWorkQueue<String> queue = new KeyedWorkQueue<>("t", 2, key -> {
            if (runs.incrementAndGet() == 1) {
                started.countDown();
                awaitQuietly(release);
            }
            return Optional.empty();
        })) {
            queue.enqueue("app");
            assertThat(started.await(2, TimeUnit.SECONDS)).isTrue();
            queue.enqueue("app");
            queue.enqueue("app");
            release.countDown();
            await().atMost(Duration.ofSeconds(2)).until(() -> runs.get() == 2);
            await().during(Duration.ofMillis(200)).until(() -> runs.get() == 2);
        }
    }

    @Test
    void distinctKeys_runInParallel_andRequeueAfterIsHonoured() {
        ConcurrentHashMap<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        try (KeyedWorkQueue<String> queue = new KeyedWorkQueue<>("t", 2, key -> {
            int n = runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return n < 3 ? Optional.of(Duration.ofMillis(20)) : Optional.empty();
        })) {
            queue.enqueue("a");
            queue.enqueue("b");
            await().atMost(Duration.ofSeconds(2)).until(() ->
                    runs.getOrDefault("a", new AtomicInteger()).get() == 3 && runs.getOrDefault("b", new AtomicInteger()).get() == 3);
        }
    }

    @Test
    void aFailingHandler_isRetried() {
        AtomicInteger runs = new AtomicInteger();
        try (KeyedWorkQueue<String> queue = new KeyedWorkQueue<>("t", 1, key -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
            return Optional.empty();
        })) {
            queue.enqueue("app");
            await().atMost(Duration.ofSeconds(8)).until(() -> runs.get() == 2);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
