package dev.pacer.scheduler.support;

import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.testsupport.Http;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays health-service for one app in scheduler tests: every running task that this simulator has
 * seen running for {@code after} gets an alive result for check 0 — unless its version is in
 * {@link #failing} (or {@link #failAll}), which gets a failed result at once. Until then a task has no
 * result, as in health-service's grace period: a task is not failed for being young.
 *
 * <p>{@code after} is counted on this JVM's monotonic clock from the tick that first sees the task
 * running, not from the task's {@code startedAt}: under load the status reaches the scheduler late,
 * and a young task would count as old enough at once (and a task started within the same millisecond
 * as the tick would fail).
 */
public final class HealthSimulator implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final Set<String> failing = ConcurrentHashMap.newKeySet();
    private volatile boolean failAll;
    /** Task id → {@link System#nanoTime()} of the tick that first saw it running. */
    private final Map<String, Long> seenRunning = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final StringRedisTemplate redis;
    private final String tasksUrl;
    private final AppId app;
    private final Duration after;

    public HealthSimulator(StringRedisTemplate redis, String baseUrl, String app, Duration after) {
        this.redis = redis;
        this.app = AppId.parse(app);
        this.tasksUrl = baseUrl + "/v2/apps" + this.app + "/tasks";
        this.after = after;
        timer.scheduleWithFixedDelay(this::tick, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            Http.Response response = Http.get(tasksUrl);
            if (response.status() != 200) {
                return;
            }
            for (JsonNode task : JSON.readTree(response.body()).path("tasks")) {
                if (!task.path("state").asString().equals("TASK_RUNNING") || !task.hasNonNull("startedAt")) {
                    continue;
                }
                String id = task.path("id").asString();
                String version = task.path("version").asString();
                long seen = seenRunning.computeIfAbsent(id, t -> System.nanoTime());
                boolean alive = !failAll && !failing.contains(version);
                if (alive && System.nanoTime() - seen < after.toNanos()) {
                    continue; // not checked yet
                }
                HealthResult result = new HealthResult(id, id, 0, version, alive, alive ? 0 : 1,
                        null, null, null, alive ? null : "simulated failure");
                redis.opsForHash().put(HealthKeys.taskHealth(app), HealthKeys.field(id, 0), JSON.writeValueAsString(result));
            }
        } catch (RuntimeException e) {
            // the app may be gone; the next tick looks again
        }
    }

    /** Every task fails from now on. */
    public void failAll() {
        failAll = true;
    }

    /** Tasks pass again (unless their version is in {@link #failing}). */
    public void healAll() {
        failAll = false;
    }

    /** Running tasks whose result is alive, as the scheduler sees them. */
    public int healthy() {
        return healthy(JSON.readTree(Http.get(tasksUrl).body()).path("tasks"));
    }

    /**
     * Of the given tasks (as {@code GET /v2/apps/{id}/tasks} lists them), the running ones whose result is
     * alive: one read of the app's results, so a test sampling under load samples often.
     */
    public int healthy(Iterable<JsonNode> tasks) {
        Map<Object, Object> results = redis.opsForHash().entries(HealthKeys.taskHealth(app));
        int healthy = 0;
        for (JsonNode task : tasks) {
            Object raw = results.get(HealthKeys.field(task.path("id").asString(), 0));
            if (task.path("state").asString().equals("TASK_RUNNING") && raw != null
                    && JSON.readValue(raw.toString(), HealthResult.class).alive()) {
                healthy++;
            }
        }
        return healthy;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
