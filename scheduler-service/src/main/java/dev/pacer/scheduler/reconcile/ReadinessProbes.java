package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.ProbeUri;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.ReadinessCheck;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.redis.RedisHashes;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.work.AppHints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Marathon's readiness checks (reference §4.3): a running task of the app's current config counts
 * towards a deployment only once every readiness check answered one of {@code httpStatusCodesForReady}.
 * Probes are few — only tasks not ready yet, each at most every {@code intervalSeconds}, and a ready
 * task is never probed again — so the shard holder runs them itself, asynchronously, with a strict
 * timeout; results are kept in Redis ({@link RedisKeys#appReadiness}) and a result that makes a task
 * ready wakes its app. Tasks of an older config and apps without readiness checks are not probed.
 */
public class ReadinessProbes implements Readiness {

    /** How much of an answer {@code preserveLastResponse} keeps (Marathon: the whole body; here the first KiB). */
    static final int PRESERVED_BYTES = 1024;

    /** One result, as {@code readinessCheckResults} shows it. */
    public record Result(String name, String taskId, boolean ready, Map<String, Object> lastResponse) {
    }

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final AppHints hints;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    /** task id + check index → when it may be probed next (epoch ms); present while a probe runs. */
    private final Map<String, Long> nextProbe = new ConcurrentHashMap<>();

    public ReadinessProbes(StringRedisTemplate redis, JsonMapper json, AppHints hints, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.hints = hints;
        this.clock = clock;
    }

    /**
     * The ids of the tasks that passed every readiness check; probes the running tasks of the current
     * config that have not (at most one probe in flight per task and check). Forgets the results of
     * tasks that are gone.
     */
    @Override
    public Set<String> ready(AppSpec spec, List<TaskRecord> tasks) {
        Set<String> ready = new HashSet<>();
        if (spec.readinessChecks().isEmpty()) {
            return ready;
        }
        Map<String, Result> results = results(spec.id());
        Set<String> live = new HashSet<>();
        tasks.stream().filter(TaskRecord::isActive).forEach(t -> live.add(t.taskId()));
        List<Object> stale = new ArrayList<>();
        results.keySet().stream().filter(f -> !live.contains(HealthKeys.taskIdOf(f))).forEach(stale::add);
        if (!stale.isEmpty()) {
            redis.opsForHash().delete(RedisKeys.appReadiness(spec.id()), stale.toArray());
            stale.forEach(nextProbe::remove);
        }
        long now = clock.millis();
        for (TaskRecord task : tasks) {
            if (task.state() != TaskState.TASK_RUNNING || task.killRequested()
                    || !task.runsConfig(spec.configVersion())) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < spec.readinessChecks().size(); i++) {
                Result result = results.get(HealthKeys.field(task.taskId(), i));
                if (result == null || !result.ready()) {
                    all = false;
                    probe(spec, task, i, now);
                }
            }
            if (all) {
                ready.add(task.taskId());
            }
        }
        return ready;
    }

    /** The app's results, by field ({@code <taskId>#<index>}, the shape of health result fields). */
    public Map<String, Result> results(AppId app) {
        return parse(redis.<String, String>opsForHash().entries(RedisKeys.appReadiness(app)));
    }

    /** The results of many apps (a deployment's current step), in one pipelined round trip. */
    public Map<AppId, Map<String, Result>> results(Collection<AppId> apps) {
        List<AppId> ordered = List.copyOf(apps);
        List<Map<String, String>> hashes = RedisHashes.getAll(redis, ordered.stream().map(RedisKeys::appReadiness).toList());
        Map<AppId, Map<String, Result>> results = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            results.put(ordered.get(i), parse(hashes.get(i)));
        }
        return results;
    }

    private Map<String, Result> parse(Map<String, String> hash) {
        Map<String, Result> results = new LinkedHashMap<>();
        hash.forEach((field, value) -> results.put(field, json.readValue(value, Result.class)));
        return results;
    }

    private void probe(AppSpec spec, TaskRecord task, int index, long now) {
        String key = HealthKeys.field(task.taskId(), index);
        Long due = nextProbe.get(key);
        if (due != null && due > now) {
            return;
        }
        ReadinessCheck check = spec.readinessChecks().get(index);
        int interval = check.intervalSeconds() == null ? 30 : Math.max(1, check.intervalSeconds());
        nextProbe.put(key, now + interval * 1000L);
        Integer port = port(spec, task, check.portName());
        String name = check.name() == null ? "readinessCheck" : check.name();
        if (port == null) {
            write(spec, task, key, new Result(name, task.taskId(), false,
                    Map.of("status", 0, "body", "no port named " + check.portName())));
            return;
        }
        URI uri;
        try {
            uri = ProbeUri.of("HTTPS".equals(check.protocol()), task.host(), port, check.path());
        } catch (IllegalArgumentException e) {
            write(spec, task, key, new Result(name, task.taskId(), false, Map.of("status", 0, "body", "no probe address")));
            return;
        }
        Duration timeout = Duration.ofSeconds(check.timeoutSeconds() == null ? 10 : Math.max(1, check.timeoutSeconds()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        List<Integer> readyCodes = check.httpStatusCodesForReady() == null || check.httpStatusCodesForReady().isEmpty()
                ? List.of(200) : check.httpStatusCodesForReady();
        boolean preserve = Boolean.TRUE.equals(check.preserveLastResponse());
        FirstBytes body = new FirstBytes(preserve ? PRESERVED_BYTES : 0);
        http.sendAsync(request, info -> body)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> {
            body.cancel();
            Map<String, Object> last = new LinkedHashMap<>();
            boolean ok = false;
            if (error != null) {
                last.put("status", 0);
                last.put("body", error.getClass().getSimpleName());
            } else {
                ok = readyCodes.contains(response.statusCode());
                last.put("status", response.statusCode());
                last.put("contentType", response.headers().firstValue("Content-Type").orElse(""));
                if (preserve) {
                    last.put("body", response.body());
                }
            }
            write(spec, task, key, new Result(name, task.taskId(), ok, last));
            if (ok) {
                nextProbe.remove(key);
                hints.publish(spec.id());
            }
        });
    }

    private void write(AppSpec spec, TaskRecord task, String key, Result result) {
        try {
            redis.opsForHash().put(RedisKeys.appReadiness(spec.id()), key, json.writeValueAsString(result));
        } catch (RuntimeException e) {
            nextProbe.remove(key); // probe again at the next pass
        }
    }

    /** The task's host port of the port definition named {@code portName} (Marathon's default: "http-api"). */
    private static Integer port(AppSpec spec, TaskRecord task, String portName) {
        String wanted = portName == null ? "http-api" : portName;
        int index = spec.portNames().indexOf(wanted);
        return index >= 0 && index < task.ports().size() ? task.ports().get(index) : null;
    }
}
