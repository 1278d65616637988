package dev.pacer.scheduler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.marathon.app.VersionInfo;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.definition.spec.AppSpecs;
import dev.pacer.scheduler.support.RedisTestTemplates;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.work.RedisAppHints;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readiness probes against real HTTP servers: the probe goes to the task's own host and port whatever
 * the check's path says, and reads at most what it shows of an answer.
 */
class ReadinessProbesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AppDefinitions DEFS = new AppDefinitions();

    private final RedisTestTemplates redis = new RedisTestTemplates();
    private final List<String> taskPaths = new CopyOnWriteArrayList<>();
    private final List<String> otherPaths = new CopyOnWriteArrayList<>();
    private HttpServer task;
    private HttpServer other;
    private ReadinessProbes probes;

    @BeforeEach
    void start() throws IOException {
        redis.flushPacerKeys();
        StringRedisTemplate template = redis.template();
        probes = new ReadinessProbes(template, JSON, new RedisAppHints(RedisTestTemplates.publisher(template)), Clock.systemUTC());
        task = server(taskPaths, 503, "warming up");
        other = server(otherPaths, 200, "SECRET-METADATA");
    }

    @AfterEach
    void stop() {
        task.stop(0);
        other.stop(0);
        redis.close();
    }

    @Test
    void aPathShapedLikeAnAuthority_isAskedOfTheTask_neverOfAnotherHost() {
        String hostile = "@127.0.0.1:" + other.getAddress().getPort() + "/latest/meta-data";
        AppSpec spec = spec(hostile, true);
        TaskRecord running = running(spec);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            probes.ready(spec, List.of(running));
            assertThat(probes.results(spec.id())).isNotEmpty();
        });

        assertThat(otherPaths).isEmpty();
        assertThat(taskPaths).contains("/" + hostile);
        ReadinessProbes.Result result = probes.results(spec.id()).values().iterator().next();
        assertThat(result.ready()).isFalse();
        assertThat(result.lastResponse()).containsEntry("status", 503);
        assertThat(String.valueOf(result.lastResponse().get("body"))).doesNotContain("SECRET");
    }

    @Test
    void aHugeAnswer_isCutToTheFirstKibibyte() throws IOException {
        task.stop(0);
        task = server(taskPaths, 200, "x".repeat(5 * 1024 * 1024));
        AppSpec spec = spec("/ready", true);
        TaskRecord running = running(spec);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(probes.ready(spec, List.of(running))).containsExactly(running.taskId());
        });
        ReadinessProbes.Result result = probes.results(spec.id()).values().iterator().next();
        assertThat(String.valueOf(result.lastResponse().get("body"))).hasSize(1024);
    }

    private AppSpec spec(String path, boolean preserve) {
        AppDefinition app = DEFS.readNew(DEFS.json().parse("""
                {"id":"/readiness/app","cmd":"x","portDefinitions":[{"port":0,"name":"http-api"}],
                 "readinessChecks":[{"path":%s,"preserveLastResponse":%s,"intervalSeconds":1,"timeoutSeconds":1}]}
                """.formatted(JSON.writeValueAsString(path), preserve)));
        Timestamp version = Timestamp.of(Instant.parse("2026-01-01T00:00:00Z"));
        return AppSpecs.from(app.toBuilder().version(version).versionInfo(new VersionInfo(version, version)).build());
    }

    private TaskRecord running(AppSpec spec) {
        TaskId id = TaskId.newTask(spec.id());
        return TaskRecord.staged(id, "agent-1", "127.0.0.1", null, null, spec.version(),
                        List.of(task.getAddress().getPort()), Instant.now(), spec.configVersion())
                .withState(TaskState.TASK_RUNNING, Instant.now(), "", null);
    }

    private static HttpServer server(List<String> paths, int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                // the probe stopped reading: fine
            }
        });
        server.start();
        return server;
    }
}
