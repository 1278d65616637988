package dev.pacer.agent.isolation;

import dev.pacer.agent.AgentApplication;
import dev.pacer.agent.support.TestTasks;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** An agent that must isolate ({@code mode=cgroups}) with tiny limits, in this JVM, over a temporary work dir. */
final class IsolatedAgent implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Path workDir = TestTasks.tempDir("pacer-isolation");
    final String agentId = "iso-" + UUID.randomUUID().toString().substring(0, 8);
    private final ConfigurableApplicationContext context;

    IsolatedAgent(String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--eureka.client.enabled=false",
                "--pacer.cluster.hostname=localhost", "--spring.data.redis.url=" + TestRedis.url(),
                "--pacer.agent.id=" + agentId, "--pacer.agent.host=localhost", "--pacer.agent.work-dir=" + workDir,
                "--pacer.agent.heartbeat-interval=200ms", "--pacer.agent.kill-grace-period=1s",
                "--pacer.agent.isolation.mode=cgroups", "--pacer.agent.isolation.pids-max=32",
                "--pacer.agent.isolation.limit-check-interval=200ms"));
        for (String arg : more) { // an argument given replaces the default of the same name
            String name = arg.substring(0, arg.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(name));
            args.add(arg);
        }
        context = new SpringApplicationBuilder(AgentApplication.class).run(args.toArray(String[]::new));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    AgentTask launch(Map<String, Object> request) {
        Http.Response response = Http.send("POST", url(ApiPaths.AGENT_TASKS), JSON.writeValueAsString(request));
        if (response.status() != 201) {
            throw new AssertionError("launch answered " + response.status() + ": " + response.body());
        }
        return JSON.readValue(response.body(), AgentTask.class);
    }

    AgentTask get(String taskId) {
        return JSON.readValue(Http.get(taskUrl(taskId)).body(), AgentTask.class);
    }

    Http.Response kill(String taskId) {
        return Http.send("DELETE", taskUrl(taskId), null);
    }

    List<TaskStatus> statuses(String taskId) {
        return context.getBean(StringRedisTemplate.class).opsForStream().range(RedisKeys.TASK_STATUS_STREAM, Range.unbounded())
                .stream()
                .map(r -> JSON.readValue((String) r.getValue().get(RedisKeys.TASK_STATUS_FIELD), TaskStatus.class))
                .filter(s -> s.taskId().equals(taskId))
                .toList();
    }

    TaskStatus lastStatus(String taskId) {
        List<TaskStatus> all = statuses(taskId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    boolean ended(String taskId, TaskState state) {
        return get(taskId).state() == state;
    }

    /** The task's cgroup directories, from its checkpoint. */
    List<Path> cgroups(String taskId) {
        try {
            var checkpoint = JSON.readTree(workDir.resolve("tasks").resolve(taskId + ".json").toFile());
            List<Path> dirs = new ArrayList<>();
            checkpoint.path("isolation").path("cgroups").forEach(n -> dirs.add(Path.of(n.asString())));
            return dirs;
        } catch (RuntimeException e) {
            throw new AssertionError("no readable checkpoint of " + taskId, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String taskUrl(String taskId) {
        return url(ApiPaths.AGENT_TASK.replace("{taskId}", taskId));
    }

    private String url(String path) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path;
    }

    /** Stops the agent, then kills every process of every task it checkpointed and removes their cgroups. */
    @Override
    public void close() {
        TaskIsolator isolator = context.getBean(TaskIsolator.class);
        context.close();
        TestTasks.killAllCheckpointed(workDir);
        releaseAll(workDir, isolator);
        isolator.close();
    }

    static void releaseAll(Path workDir, TaskIsolator isolator) {
        Path tasks = workDir.resolve("tasks");
        if (Files.notExists(tasks)) {
            return;
        }
        try (var files = Files.list(tasks)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                var isolation = JSON.readTree(file.toFile()).path("isolation");
                if (isolation.isObject()) {
                    isolator.release(JSON.treeToValue(isolation, TaskIsolation.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
