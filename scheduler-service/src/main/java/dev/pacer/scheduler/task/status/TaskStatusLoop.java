package dev.pacer.scheduler.task.status;

import dev.pacer.scheduler.task.status.TaskStatusConsumer.GroupMissingException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link TaskStatusConsumer} reading for as long as the scheduler runs: it creates the group, polls the
 * stream, claims abandoned updates every ten seconds, and neither a Redis outage nor a lost group ends it. It exists
 * apart from the consumer for the pacing: a group found gone (Redis came back empty, a FLUSHALL, a failover to an
 * empty replica) is re-created at once; after any other failure (Redis down, or refusing the re-creation), and when
 * the group is gone again before a read succeeded, the next attempt waits a second — neither spins the CPU.
 */
public class TaskStatusLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TaskStatusLoop.class);
    /** The wait before an attempt that follows a failed one. */
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final int BATCH = 100;
    private static final Duration BLOCK = Duration.ofSeconds(1);
    private static final Duration CLAIM_EVERY = Duration.ofSeconds(10);

    private final TaskStatusConsumer consumer;
    private final BooleanSupplier running;

    /** {@code running} turns false when the scheduler stops (the thread is interrupted too). */
    public TaskStatusLoop(TaskStatusConsumer consumer, BooleanSupplier running) {
        this.consumer = consumer;
        this.running = running;
    }

    @Override
    public void run() {
        long lastClaim = 0;
        boolean groupReady = false;
        boolean groupLost = false;
        int failures = 0;
        while (!Thread.currentThread().isInterrupted() && running.getAsBoolean()) {
            try {
                if (!groupReady) {
                    if (groupLost) {
                        consumer.recreateGroup();
                    } else {
                        consumer.ensureGroup();
                    }
                    groupReady = true;
                }
                consumer.poll(BATCH, BLOCK);
                failures = 0;
                if (System.nanoTime() - lastClaim > CLAIM_EVERY.toNanos()) {
                    consumer.claimAbandoned(BATCH);
                    lastClaim = System.nanoTime();
                }
            } catch (GroupMissingException e) {
                groupReady = false;
                groupLost = true;
                if (++failures > 1) {
                    pause();
                }
            } catch (RuntimeException e) {
                if (!running.getAsBoolean()) {
                    return;
                }
                failures++;
                log.warn("Status stream consumer: {}; retrying", e.toString());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
