package dev.pacer.agent.isolation;

import static dev.pacer.agent.support.TestTasks.alive;
import static dev.pacer.agent.support.TestTasks.cmd;
import static dev.pacer.agent.support.TestTasks.newTaskId;
import static dev.pacer.agent.support.TestTasks.readPid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.AgentApplication;
import dev.pacer.agent.support.TestTasks;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.testsupport.FreePorts;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The isolated agent as its own JVM, killed with SIGKILL and started again over the same work dir: its
 * tasks (and their {@code setsid} children) run on in their cgroups, the new agent re-attaches to them
 * without launching anything twice, and a kill through the new agent still reaches every process of the
 * task's cgroup.
 */
class IsolatedAgentCrashIT {

    private final Path workDir = TestTasks.tempDir("pacer-isolation-crash");
    private final String agentId = "crash-" + UUID.randomUUID().toString().substring(0, 8);
    private final int port = FreePorts.next();
    private Process agent;

    @BeforeEach
    void requireRoot() {
        RootOnly.assumeRoot();
    }

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.destroyForcibly().waitFor();
        }
        TestTasks.killAllCheckpointed(workDir);
        try (IsolatedAgent cleaner = new IsolatedAgent()) {
            IsolatedAgent.releaseAll(workDir, cleaner.bean(TaskIsolator.class));
        }
    }

    @Test
    void killedAgent_restarted_reattachesToIsolatedTasks_andLaunchesNothingTwice() throws Exception {
        agent = startAgent();
        String id = newTaskId("/iso/survivor");
        Map<String, Object> request = cmd(id, "/iso/survivor",
                "echo started >> starts; setsid sh -c 'echo $$ > child.pid; exec sleep 300' & exec sleep 300");
        Http.Response launched = Http.send("POST", url(ApiPaths.AGENT_TASKS), IsolatedAgent.JSON.writeValueAsString(request));
        assertThat(launched.status()).isEqualTo(201);
        AgentTask task = IsolatedAgent.JSON.readValue(launched.body(), AgentTask.class);
        Path sandbox = Path.of(task.sandbox());
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> readPid(sandbox.resolve("child.pid")) > 0);
        long child = readPid(sandbox.resolve("child.pid"));

        agent.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, nothing cleaned up
        assertThat(alive(task.pid())).isTrue();
        assertThat(alive(child)).isTrue();
        // an empty cgroup of a task this agent no longer knows (its checkpoint gone), left by an earlier crash
        List<Path> stray = cgroupsOf(id).stream().map(d -> d.resolveSibling("stray-task")).toList();
        for (Path dir : stray) {
            Files.createDirectory(dir);
        }
        // and an orphan: a process in a cgroup of a task no checkpoint names (the agent died before writing it)
        List<Path> orphanDirs = cgroupsOf(id).stream().map(d -> d.resolveSibling("orphan-task")).toList();
        Process orphan = new ProcessBuilder("sleep", "300").start();
        for (Path dir : orphanDirs) {
            Files.createDirectory(dir);
            Files.writeString(dir.resolve("cgroup.procs"), Long.toString(orphan.pid()));
        }

        agent = startAgent();

        assertThat(stray).as("reaped at start").noneMatch(Files::exists);
        assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).as("the orphan is killed").isTrue();
        assertThat(orphanDirs).as("and its cgroup removed").noneMatch(Files::exists);

        AgentTask reattached = get(id);
        assertThat(reattached.state()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(reattached.pid()).isEqualTo(task.pid());
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> // the status outbox sends asynchronously
                assertThat(lastStatus(id).message()).isEqualTo("re-attached after the agent restarted"));
        Http.Response again = Http.send("POST", url(ApiPaths.AGENT_TASKS), IsolatedAgent.JSON.writeValueAsString(request));
        assertThat(again.status()).isEqualTo(200);
        assertThat(Files.readString(sandbox.resolve("starts"))).isEqualTo("started\n");
        List<Path> cgroups = cgroupsOf(id);
        assertThat(cgroups).isNotEmpty();
        assertThat(Files.readString(cgroups.get(0).resolve("cgroup.procs"))).contains(Long.toString(child));

        assertThat(Http.send("DELETE", url(ApiPaths.AGENT_TASK.replace("{taskId}", id)), null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> get(id).state() == TaskState.TASK_KILLED);
        await().atMost(Duration.ofSeconds(3)).until(() -> !alive(child) && !alive(task.pid()));
        await().atMost(Duration.ofSeconds(3)).until(() -> cgroups.stream().noneMatch(Files::exists));
    }

    private Process startAgent() throws IOException {
        Path log = workDir.resolveSibling(workDir.getFileName() + ".log");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), AgentApplication.class.getName(),
                "--server.port=" + port, "--eureka.client.enabled=false", "--pacer.cluster.hostname=localhost",
                "--spring.data.redis.url=" + TestRedis.url(), "--pacer.agent.id=" + agentId,
                "--pacer.agent.host=localhost", "--pacer.agent.work-dir=" + workDir,
                "--pacer.agent.heartbeat-interval=200ms", "--pacer.agent.kill-grace-period=1s",
                "--pacer.agent.isolation.mode=cgroups", "--pacer.agent.isolation.pids-max=32"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> Http.get(url(ApiPaths.AGENT_TASKS)).status() == 200);
        return process;
    }

    private AgentTask get(String id) {
        return IsolatedAgent.JSON.readValue(Http.get(url(ApiPaths.AGENT_TASK.replace("{taskId}", id))).body(), AgentTask.class);
    }

    private TaskStatus lastStatus(String id) {
        RedisClient client = RedisClient.create(TestRedis.url());
        try (var connection = client.connect()) {
            var all = connection.sync().xrange(RedisKeys.TASK_STATUS_STREAM, Range.unbounded());
            List<TaskStatus> statuses = all.stream()
                    .map(m -> IsolatedAgent.JSON.readValue(m.getBody().get(RedisKeys.TASK_STATUS_FIELD), TaskStatus.class))
                    .filter(s -> s.taskId().equals(id)).toList();
            assertThat(statuses).as("statuses of %s among %s in the stream", id, all.size()).isNotEmpty();
            return statuses.get(statuses.size() - 1);
        } finally {
            client.shutdown();
        }
    }

    private List<Path> cgroupsOf(String id) {
        var checkpoint = IsolatedAgent.JSON.readTree(workDir.resolve("tasks").resolve(id + ".json").toFile());
        return StreamSupport.stream(checkpoint.path("isolation").path("cgroups").spliterator(), false)
                .map(n -> Path.of(n.asString())).toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
