package dev.pacer.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent without processes, for scheduler tests: it registers and heartbeats in Redis like the real
 * one, accepts launches and kills over the same HTTP API, and reports status updates on the same
 * stream. A launched task is running at once; a test ends it with {@link #exit}. Not a stand-in for
 * the real agent's own tests, which run real processes.
 */
public final class FakeAgent implements AutoCloseable {

    private final AgentInfo info;
    private final HttpServer http;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> redis;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, AgentTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, LaunchRequest> launches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-agent-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private volatile String refusal;

    private FakeAgent(String id, String zone, String redisUrl, Resources capacity, Map<String, String> attributes) {
        try {
            http = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int base = 40_000 + Math.floorMod(id.hashCode(), 200) * 50;
        info = new AgentInfo(id, "localhost", http.getAddress().getPort(), zone, "default", attributes, capacity,
                new PortRange(base, base + 49));
        client = RedisClient.create(redisUrl);
        redis = client.connect();
        http.createContext(ApiPaths.AGENT_TASKS, this::handle);
        http.start();
        redis.sync().hset(RedisKeys.agent(id), "info", json.writeValueAsString(info));
        heartbeat.scheduleWithFixedDelay(() -> redis.sync().zadd(RedisKeys.AGENTS, System.currentTimeMillis(), id),
                0, 500, TimeUnit.MILLISECONDS);
    }

    public static FakeAgent start(String id, String zone, String redisUrl, Resources capacity) {
        return new FakeAgent(id, zone, redisUrl, capacity, Map.of());
    }

    /** An agent registering {@code attributes} (e.g. the {@code docker} capability). */
    public static FakeAgent start(String id, String zone, String redisUrl, Resources capacity, Map<String, String> attributes) {
        return new FakeAgent(id, zone, redisUrl, capacity, attributes);
    }

    /** From now on, answers every launch 422 with {@code message} (null: accepts launches again). */
    public void refuseLaunches(String message) {
        this.refusal = message;
    }

    public AgentInfo info() {
        return info;
    }

    /** Tasks it was asked to launch and that have not ended. */
    public List<AgentTask> running() {
        return tasks.values().stream().filter(t -> t.state() == TaskState.TASK_RUNNING).toList();
    }

    /** Every launch request it received, by task id. */
    public Map<String, LaunchRequest> launchRequests() {
        return Map.copyOf(launches);
    }

    /** Ends a task as if its process exited with {@code code} (0: finished, else failed). */
    public void exit(String taskId, int code) {
        end(taskId, code == 0 ? TaskState.TASK_FINISHED : TaskState.TASK_FAILED, "exited with code " + code, code);
    }

    /** Stops heartbeating, as a dead node would. */
    public void stopHeartbeats() {
        heartbeat.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String taskId = path.length() > ApiPaths.AGENT_TASKS.length() ? path.substring(ApiPaths.AGENT_TASKS.length() + 1) : null;
        switch (exchange.getRequestMethod()) {
            case "POST" -> {
                LaunchRequest request = json.readValue(exchange.getRequestBody(), LaunchRequest.class);
                if (refusal != null) {
                    reply(exchange, 422, Map.of("message", refusal));
                    return;
                }
                launches.putIfAbsent(request.taskId(), request);
                AgentTask task = tasks.computeIfAbsent(request.taskId(), id -> {
                    AgentTask started = new AgentTask(id, request.appId(), request.version(), TaskState.TASK_RUNNING,
                            null, Instant.now(), Instant.now(), request.ports(), "/fake", null);
                    report(started, TaskState.TASK_RUNNING, "started", null);
                    return started;
                });
                reply(exchange, 201, task);
            }
            case "DELETE" -> {
                AgentTask task = tasks.get(taskId);
                if (task == null) {
                    reply(exchange, 404, Map.of("message", "Task '" + taskId + "' does not exist"));
                } else {
                    end(taskId, TaskState.TASK_KILLED, "killed on request", 143);
                    reply(exchange, 202, tasks.get(taskId));
                }
            }
            case "GET" -> reply(exchange, 200, List.copyOf(tasks.values()));
            default -> reply(exchange, 405, Map.of("message", "not supported"));
        }
    }

    private void end(String taskId, TaskState state, String message, Integer code) {
        AgentTask task = tasks.computeIfPresent(taskId, (id, t) -> t.state().isTerminal() ? t
                : new AgentTask(id, t.appId(), t.version(), state, null, t.stagedAt(), t.startedAt(), t.ports(), t.sandbox(), code));
        if (task != null && task.state() == state) {
            report(task, state, message, code);
        }
    }

    private void report(AgentTask task, TaskState state, String message, Integer code) {
        TaskStatus status = new TaskStatus(task.taskId(), task.appId(), info.id(), state, message, Instant.now(),
                info.host(), task.ports(), code);
        redis.sync().xadd(RedisKeys.TASK_STATUS_STREAM, Map.of(RedisKeys.TASK_STATUS_FIELD, json.writeValueAsString(status)));
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        http.stop(0);
        redis.close();
        client.shutdown();
    }
}
