package dev.pacer.agent.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.support.DockerHost;
import dev.pacer.agent.support.TestTasks;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.Capabilities;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.runtime.ManagedProcess;
import dev.pacer.testsupport.DockerEngine;
import dev.pacer.testsupport.FreePorts;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.RequiresDocker;
import dev.pacer.testsupport.TestRedis;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent as a real process (its jar) running Docker tasks on the machine's real engine with the image
 * {@value #IMAGE} from {@code containers/build-images.sh}: status from the engine, published ports, kill,
 * the kernel's OOM kill, a missing image, and a {@code kill -9} of the agent with containers running.
 */
@RequiresDocker(images = DockerTaskIT.IMAGE)
class DockerTaskIT {

    static final String IMAGE = "pacer/test-http:latest";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AGENT_ID = "docker-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Path WORK_DIR = TestTasks.tempDir("pacer-docker-it");

    private static int apiPort;
    private static ManagedProcess agent;
    private static StringRedisTemplate redis;
    private static LettuceConnectionFactory connections;

    @BeforeAll
    static void startAgent() {
        URI uri = URI.create(TestRedis.url());
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        apiPort = FreePorts.next();
        agent = startAgentProcess();
    }

    @AfterAll
    static void stopAgent() {
        if (agent != null) {
            agent.stop(Duration.ofSeconds(10));
        }
        DockerHost.removeContainers(DockerRunCommand.AGENT_LABEL, AGENT_ID);
        if (connections != null) {
            connections.destroy();
        }
    }

    @Test
    void agentAdvertisesDocker() {
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.opsForHash().get(RedisKeys.agent(AGENT_ID), "info") != null);
        AgentInfo info = JSON.readValue((String) redis.opsForHash().get(RedisKeys.agent(AGENT_ID), "info"), AgentInfo.class);
        assertThat(Capabilities.hasDocker(info)).isTrue();
        assertThat(info.attributes().get(Capabilities.DOCKER)).matches("\\d+\\.\\d+.*");
    }

    @Test
    void bridgeContainer_answersOnItsPublishedPort_withLimits_logs_thenKilledLeavesNoContainer() {
        int hostPort = FreePorts.next();
        String taskId = TestTasks.newTaskId("/docker/web");
        Map<String, Object> request = container(taskId, "/docker/web", bridge(8080, hostPort), List.of(hostPort));
        request.put("args", List.of("pacer-test-http", "serve", "8080"));
        assertThat(launch(request).status()).isEqualTo(201);

        awaitState(taskId, TaskState.TASK_RUNNING);
        await().atMost(Duration.ofSeconds(20)).until(() -> answers("http://127.0.0.1:" + hostPort + "/health"));
        assertThat(Http.get("http://127.0.0.1:" + hostPort + "/").body())
                .contains("\"taskId\": \"" + taskId + "\"", "\"appId\": \"/docker/web\"", "\"port\": 8080");
        assertThat(DockerHost.containers(DockerRunCommand.TASK_LABEL, taskId)).hasSize(1);
        assertThat(DockerHost.inspect("{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}} {{index .Config.Labels \"pacer.app-id\"}}",
                taskId)).isEqualTo((64L * 1024 * 1024) + " 64 /docker/web");
        assertThat(Http.get(taskUrl(taskId) + "/logs/stderr").body()).as("the server logs each request to stderr")
                .contains("GET /health");

        assertThat(Http.send("DELETE", taskUrl(taskId), null).status()).isEqualTo(202);
        awaitState(taskId, TaskState.TASK_KILLED);
        assertThat(DockerHost.containers(DockerRunCommand.TASK_LABEL, taskId)).isEmpty();
        assertThat(Http.get(taskUrl(taskId) + "/logs/stderr").body()).as("kept in the sandbox once the container is gone")
                .contains("GET /health");
    }

    @Test
    void commandHealthChecks_runInsideTheContainer() {
        String taskId = TestTasks.newTaskId("/docker/checked");
        Map<String, Object> request = container(taskId, "/docker/checked", host(), List.of());
        request.put("args", List.of("pacer-test-http", "sleep"));
        request.put("env", Map.of("INSIDE", "yes"));
        // pacer-test-http exists only in the image, and INSIDE only in the container's environment
        request.put("healthChecks", List.of(Map.of("protocol", "COMMAND",
                "command", Map.of("value", "test -x /usr/local/bin/pacer-test-http && test \"$INSIDE\" = yes"),
                "intervalSeconds", 1, "timeoutSeconds", 5, "gracePeriodSeconds", 30, "maxConsecutiveFailures", 3)));
        launch(request);
        awaitState(taskId, TaskState.TASK_RUNNING);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Object raw = redis.opsForHash().get(HealthKeys.taskHealth(AppId.parse("/docker/checked")), HealthKeys.field(taskId, 0));
            assertThat(raw).as("a health result").isNotNull();
            HealthResult result = JSON.readValue((String) raw, HealthResult.class);
            assertThat(result.alive()).as(result.toString()).isTrue();
        });
        Http.send("DELETE", taskUrl(taskId), null);
        awaitState(taskId, TaskState.TASK_KILLED);
    }

    @Test
    void containerOverItsMemory_isKilledByTheKernel_andFailsWithTheReason() {
        String taskId = TestTasks.newTaskId("/docker/hog");
        Map<String, Object> request = container(taskId, "/docker/hog", host(), List.of());
        request.put("args", List.of("pacer-test-http", "hog", "256"));
        request.put("mem", 32.0);
        launch(request);

        TaskStatus failed = awaitState(taskId, TaskState.TASK_FAILED);
        assertThat(failed.message()).isEqualTo("Container exited on OOM (memory limit 32 MB)");
        assertThat(failed.exitCode()).isEqualTo(137);
        assertThat(DockerHost.containers(DockerRunCommand.TASK_LABEL, taskId)).isEmpty();
    }

    @Test
    void cmdThroughTheShell_seesItsEnvironment_andItsExitCodeEndsTheTask() {
        String taskId = TestTasks.newTaskId("/docker/exits");
        Map<String, Object> request = container(taskId, "/docker/exits", host(), List.of(31999));
        request.put("cmd", "echo \"$GREETING|$MESOS_TASK_ID|$MESOS_SANDBOX|$PORT0|$MARATHON_APP_ID\"; exit 3");
        request.put("env", Map.of("GREETING", "hello world"));
        launch(request);

        TaskStatus failed = awaitState(taskId, TaskState.TASK_FAILED);
        assertThat(failed.message()).isEqualTo("exited with code 3");
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(Http.get(taskUrl(taskId) + "/logs/stdout").body())
                .isEqualTo("hello world|" + taskId + "|/mnt/mesos/sandbox|31999|/docker/exits\n");
    }

    @Test
    void missingImage_failsTheTaskWithAClearMessage() {
        String taskId = TestTasks.newTaskId("/docker/missing");
        Map<String, Object> request = container(taskId, "/docker/missing", host(), List.of());
        ((Map<String, Object>) request.get("container")).put("image", "pacer/no-such-image:1");
        launch(request);

        TaskStatus failed = awaitState(taskId, TaskState.TASK_FAILED);
        assertThat(failed.message()).startsWith("could not start: image 'pacer/no-such-image:1' is not on agent " + AGENT_ID
                + " and could not be pulled: ");
        assertThat(DockerHost.containers(DockerRunCommand.TASK_LABEL, taskId)).isEmpty();
    }

    @Test
    void privilegedAndUnlistedParameters_areRefused() {
        String privileged = TestTasks.newTaskId("/docker/priv");
        Map<String, Object> request = container(privileged, "/docker/priv", host(), List.of());
        ((Map<String, Object>) request.get("container")).put("privileged", true);
        launch(request);
        assertThat(awaitState(privileged, TaskState.TASK_FAILED).message())
                .startsWith("could not start: privileged containers are not allowed on this agent");

        String param = TestTasks.newTaskId("/docker/param");
        request = container(param, "/docker/param", host(), List.of());
        ((Map<String, Object>) request.get("container")).put("parameters", List.of(Map.of("key", "cap-add", "value", "ALL")));
        launch(request);
        assertThat(awaitState(param, TaskState.TASK_FAILED).message()).contains("'cap-add' is not allowed");
        assertThat(DockerHost.containers(DockerRunCommand.TASK_LABEL, param)).isEmpty();
    }

    @Test
    void agentKilledHard_andRestarted_reattachesToItsContainers_withoutASecondOne() throws Exception {
        int hostPort = FreePorts.next();
        String taskId = TestTasks.newTaskId("/docker/survivor");
        Map<String, Object> request = container(taskId, "/docker/survivor", bridge(0, hostPort), List.of(hostPort));
        launch(request);
        awaitState(taskId, TaskState.TASK_RUNNING);
        await().atMost(Duration.ofSeconds(20)).until(() -> answers("http://127.0.0.1:" + hostPort + "/health"));
        String started = Http.get("http://127.0.0.1:" + hostPort + "/").body();
        String containerId = DockerHost.containers(DockerRunCommand.TASK_LABEL, taskId).get(0);
        // a leftover of this agent that no task owns: reaped at the restart
        DockerEngine.docker("run", "-d", "--label", DockerRunCommand.AGENT_LABEL + "=" + AGENT_ID, "--label",
                DockerRunCommand.TASK_LABEL + "=orphan-" + UUID.randomUUID(), "--network", "none", IMAGE, "pacer-test-http", "sleep");

        agent.handle().destroyForcibly(); // kill -9
        await().atMost(Duration.ofSeconds(10)).until(() -> !agent.isAlive());
        assertThat(answers("http://127.0.0.1:" + hostPort + "/health")).as("the container outlives its agent").isTrue();

        agent = startAgentProcess();

        AgentTask task = JSON.readValue(Http.get(taskUrl(taskId)).body(), AgentTask.class);
        assertThat(task.state()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(DockerHost.containers(DockerRunCommand.TASK_LABEL, taskId)).containsExactly(containerId);
        assertThat(Http.get("http://127.0.0.1:" + hostPort + "/").body()).as("the same container").isEqualTo(started);
        assertThat(launch(request).status()).as("the known task, not a second container").isEqualTo(200);
        assertThat(DockerHost.containers(DockerRunCommand.TASK_LABEL, taskId)).hasSize(1);
        List<TaskStatus> statuses = statuses(taskId);
        assertThat(statuses.get(statuses.size() - 1).message()).isEqualTo("re-attached after the agent restarted");
        assertThat(DockerHost.containers(DockerRunCommand.AGENT_LABEL, AGENT_ID)).as("the orphan was removed")
                .containsExactly(containerId);

        Http.send("DELETE", taskUrl(taskId), null);
        awaitState(taskId, TaskState.TASK_KILLED);
        assertThat(DockerHost.containers(DockerRunCommand.TASK_LABEL, taskId)).isEmpty();
    }

    private static ManagedProcess startAgentProcess() {
        Path jar = Path.of("target", "agent-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run through 'mvn verify' (package comes first)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx256m",
                "-jar", jar.toString(),
                "--server.port=" + apiPort,
                "--spring.data.redis.url=" + TestRedis.url(),
                "--eureka.client.enabled=false",
                "--pacer.agent.id=" + AGENT_ID,
                "--pacer.agent.host=localhost",
                "--pacer.agent.work-dir=" + WORK_DIR,
                "--pacer.agent.ports=1024-65535", // the test picks free ports itself
                "--pacer.agent.kill-grace-period=1s",
                "--pacer.agent.docker.pids-limit=64"));
        ManagedProcess process = ManagedProcess.start(AGENT_ID, command, Path.of("target", "docker-it-logs"));
        process.awaitReady(() -> answers(agentUrl("/actuator/health/readiness")), Duration.ofSeconds(90));
        return process;
    }

    private static boolean answers(String url) {
        try {
            return Http.get(url).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String agentUrl(String path) {
        return "http://localhost:" + apiPort + path;
    }

    private static String taskUrl(String taskId) {
        return agentUrl(ApiPaths.AGENT_TASK.replace("{taskId}", taskId));
    }

    private static Http.Response launch(Map<String, Object> request) {
        return Http.send("POST", agentUrl(ApiPaths.AGENT_TASKS), JSON.writeValueAsString(request));
    }

    private static Map<String, Object> container(String taskId, String app, Map<String, Object> spec, List<Integer> ports) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("taskId", taskId);
        request.put("appId", app);
        request.put("version", "2026-12-03T07:00:00.000Z");
        request.put("ports", ports);
        request.put("cpus", 0.2);
        request.put("mem", 64.0);
        request.put("killGracePeriodSeconds", 1);
        request.put("container", spec);
        return request;
    }

    private static Map<String, Object> host() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("image", IMAGE);
        spec.put("network", "HOST");
        return spec;
    }

    private static Map<String, Object> bridge(int containerPort, int hostPort) {
        Map<String, Object> spec = host();
        spec.put("network", "BRIDGE");
        spec.put("portMappings", List.of(Map.of("containerPort", containerPort, "hostPort", hostPort, "protocol", "tcp")));
        return spec;
    }

    /** The first update of {@code taskId} in {@code state}; fails as soon as the task ends in another state. */
    private static TaskStatus awaitState(String taskId, TaskState state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> statuses(taskId).stream().anyMatch(s -> s.state() == state || s.state().isTerminal()));
        List<TaskStatus> all = statuses(taskId);
        return all.stream().filter(s -> s.state() == state).findFirst()
                .orElseThrow(() -> new AssertionError("task " + taskId + " never reached " + state + ": " + all));
    }

    private static List<TaskStatus> statuses(String taskId) {
        return redis.opsForStream().range(RedisKeys.TASK_STATUS_STREAM, Range.unbounded())
                .stream()
                .map(r -> JSON.readValue((String) r.getValue().get(RedisKeys.TASK_STATUS_FIELD), TaskStatus.class))
                .filter(s -> s.taskId().equals(taskId))
                .toList();
    }
}
