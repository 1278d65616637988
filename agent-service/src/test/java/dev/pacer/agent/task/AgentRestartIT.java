package dev.pacer.agent.task;

import static dev.pacer.agent.support.TestTasks.alive;
import static dev.pacer.agent.support.TestTasks.cmd;
import static dev.pacer.agent.support.TestTasks.newTaskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.AgentApplication;
import dev.pacer.agent.support.TestTasks;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent stopped (graceful shutdown of its context) and started again over the same work dir, as
 * in an upgrade: its tasks run on meanwhile, and the new agent finds each of them again.
 */
class AgentRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path workDir = TestTasks.tempDir("pacer-agent-restart");
    private final String agentId = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    private ConfigurableApplicationContext agent;

    @AfterEach
    void stopAgentAndTasks() {
        if (agent != null) {
            agent.close();
        }
        TestTasks.killAllCheckpointed(workDir);
    }

    @Test
    void restartedAgent_reattachesToRunningTasks_andReportsThoseThatEndedMeanwhile() throws IOException {
        agent = startAgent();
        AgentTask running = launch(cmd(newTaskId("/keeps"), "/keeps", "while :; do sleep 0.1; done"));
        AgentTask exitsSeven = launch(cmd(newTaskId("/seven"), "/seven",
                "while [ ! -f release ]; do sleep 0.05; done; exit 7"));
        AgentTask vanishes = launch(cmd(newTaskId("/vanishes"), "/vanishes", "while :; do sleep 0.1; done"));

        agent.close();

        assertThat(alive(running.pid())).as("graceful shutdown leaves tasks running").isTrue();
        assertThat(alive(exitsSeven.pid())).isTrue();
        Files.createFile(Path.of(exitsSeven.sandbox(), "release"));
        TestTasks.killGroup(vanishes.pid()); // SIGKILL: its wrapper records no exit code
        await().atMost(Duration.ofSeconds(5)).until(() -> !alive(exitsSeven.pid()) && !alive(vanishes.pid()));

        agent = startAgent();

        AgentTask reattached = get(running.taskId());
        assertThat(reattached.state()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(reattached.pid()).isEqualTo(running.pid());
        assertThat(alive(running.pid())).isTrue();
        assertThat(countOf(statuses(running.taskId()), TaskState.TASK_RUNNING)).as("re-reported").isEqualTo(2);
        assertThat(last(statuses(running.taskId())).message()).isEqualTo("re-attached after the agent restarted");
        AgentTask seven = get(exitsSeven.taskId());
        assertThat(seven.state()).isEqualTo(TaskState.TASK_FAILED);
        assertThat(seven.exitCode()).isEqualTo(7);
        assertThat(last(statuses(exitsSeven.taskId())).message()).isEqualTo("exited with code 7 while the agent was down");
        assertThat(get(vanishes.taskId()).state()).isEqualTo(TaskState.TASK_FAILED);
        assertThat(last(statuses(vanishes.taskId())).message()).isEqualTo("exited while the agent was down, exit code unknown");

        // the re-attached task is watched again: killing it through the new agent ends it as killed
        Http.send("DELETE", taskUrl(running.taskId()), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> get(running.taskId()).state() == TaskState.TASK_KILLED);
        assertThat(alive(running.pid())).isFalse();
    }

    @Test
    void restartedAgent_neverLaunchesAKnownTaskTwice() throws IOException {
        agent = startAgent();
        Map<String, Object> request = cmd(newTaskId("/twice"), "/twice", "echo started >> starts; exec sleep 30");
        AgentTask first = launch(request);
        agent.close();
        agent = startAgent();

        Http.Response again = Http.send("POST", url(ApiPaths.AGENT_TASKS), JSON.writeValueAsString(request));

        assertThat(again.status()).isEqualTo(200);
        assertThat(JSON.readValue(again.body(), AgentTask.class).pid()).isEqualTo(first.pid());
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(Path.of(first.sandbox(), "starts")));
        assertThat(Files.readString(Path.of(first.sandbox(), "starts"))).isEqualTo("started\n");
    }

    @Test
    void checkpointWhosePidNowBelongsToAnotherProcess_isNotReattached() throws IOException {
        String taskId = newTaskId("/reused");
        LaunchRequest request = new LaunchRequest(taskId, "/reused", "v1", "true", null, null, null, null, null, 0, 0, 0, 1);
        // this JVM's pid, with a start instant that is not this JVM's: a pid reused since the checkpoint
        TaskCheckpoint stale = new TaskCheckpoint(request, TaskState.TASK_RUNNING, ProcessHandle.current().pid(),
                Instant.parse("2001-01-01T00:00:00Z"), Instant.now(), Instant.now(), null, null, "started");
        Files.createDirectories(workDir.resolve("tasks"));
        Files.writeString(workDir.resolve("tasks").resolve(taskId + ".json"), JSON.writeValueAsString(stale));

        agent = startAgent();

        assertThat(get(taskId).state()).isEqualTo(TaskState.TASK_FAILED);
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    private ConfigurableApplicationContext startAgent() {
        return new SpringApplicationBuilder(AgentApplication.class).run(
                "--server.port=0", "--eureka.client.enabled=false", "--pacer.cluster.hostname=localhost",
                "--spring.data.redis.url=" + TestRedis.url(), "--pacer.agent.id=" + agentId,
                "--pacer.agent.host=localhost", "--pacer.agent.work-dir=" + workDir,
                "--pacer.agent.heartbeat-interval=200ms", "--pacer.agent.kill-grace-period=1s");
    }

    private AgentTask launch(Map<String, Object> request) {
        Http.Response response = Http.send("POST", url(ApiPaths.AGENT_TASKS), JSON.writeValueAsString(request));
        assertThat(response.status()).isEqualTo(201);
        AgentTask task = JSON.readValue(response.body(), AgentTask.class);
        assertThat(task.state()).isEqualTo(TaskState.TASK_RUNNING);
        return task;
    }

    private AgentTask get(String taskId) {
        return JSON.readValue(Http.get(taskUrl(taskId)).body(), AgentTask.class);
    }

    private List<TaskStatus> statuses(String taskId) {
        StringRedisTemplate redis = agent.getBean(StringRedisTemplate.class);
        return redis.opsForStream().range(RedisKeys.TASK_STATUS_STREAM, Range.unbounded()).stream()
                .map(r -> JSON.readValue((String) r.getValue().get(RedisKeys.TASK_STATUS_FIELD), TaskStatus.class))
                .filter(s -> s.taskId().equals(taskId))
                .toList();
    }

    private static long countOf(List<TaskStatus> statuses, TaskState state) {
        return statuses.stream().filter(s -> s.state() == state).count();
    }

    private static TaskStatus last(List<TaskStatus> statuses) {
        assertThat(statuses).isNotEmpty();
        return statuses.get(statuses.size() - 1);
    }

    private String taskUrl(String taskId) {
        return url(ApiPaths.AGENT_TASK.replace("{taskId}", taskId));
    }

    private String url(String path) {
        return "http://localhost:" + agent.getEnvironment().getProperty("local.server.port") + path;
    }
}
