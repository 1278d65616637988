package dev.pacer.agent.isolation;

import static dev.pacer.agent.support.TestTasks.alive;
import static dev.pacer.agent.support.TestTasks.cmd;
import static dev.pacer.agent.support.TestTasks.newTaskId;
import static dev.pacer.agent.support.TestTasks.readPid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.node.AgentNode;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The real agent, as root, isolating real processes with real cgroups (limits kept tiny: this machine is
 * shared): a memory hog is killed by the kernel and fails with the reason, a fork bomb stops at
 * {@code pids.max}, a task's {@code setsid} and double-forked children die with it, and its cgroups go.
 */
class IsolationIT {

    private static IsolatedAgent agent;

    @BeforeAll
    static void start() {
        RootOnly.assumeRoot();
        agent = new IsolatedAgent();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void agentAdvertisesItsIsolation_andTasksRunAsAnUnprivilegedUser() throws Exception {
        assertThat(agent.bean(AgentNode.class).attributes()).containsEntry("isolation", "cgroups");
        String id = newTaskId("/iso/whoami");
        AgentTask task = agent.launch(cmd(id, "/iso/whoami", "id -u > uid; id -G > groups; exec sleep 30"));
        Path sandbox = Path.of(task.sandbox());
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(sandbox.resolve("groups"))
                && !IsolatedAgent.read(sandbox.resolve("groups")).isBlank());

        int uid = Integer.parseInt(IsolatedAgent.read(sandbox.resolve("uid")).trim());
        assertThat(uid).isBetween(50000, 59999);
        assertThat(IsolatedAgent.read(sandbox.resolve("groups")).trim()).isEqualTo(Integer.toString(uid));
        assertThat(Files.getAttribute(sandbox, "unix:uid")).isEqualTo(uid);
        assertThat(Files.getAttribute(sandbox, "unix:mode")).isEqualTo(040700);
        assertThat(agent.cgroups(id)).isNotEmpty().allSatisfy(dir -> assertThat(dir.resolve("cgroup.procs")).exists());

        agent.kill(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.ended(id, TaskState.TASK_KILLED));
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.cgroups(id).stream().noneMatch(Files::exists));
    }

    @Test
    void memoryHog_isKilledAtItsLimit_andFailsWithTheReason() {
        String id = newTaskId("/iso/hog");
        Map<String, Object> request = cmd(id, "/iso/hog", "head -c 300000000 /dev/zero | tail > /dev/null; sleep 30");
        request.put("mem", 32.0);
        agent.launch(request);

        await().atMost(Duration.ofSeconds(20)).until(() -> agent.ended(id, TaskState.TASK_FAILED));
        TaskStatus last = agent.lastStatus(id);
        assertThat(last.state()).isEqualTo(TaskState.TASK_FAILED);
        assertThat(last.message()).isEqualTo("Memory limit exceeded: 32 MB");
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.cgroups(id).stream().noneMatch(Files::exists));
    }

    @Test
    void forkBomb_stopsAtItsPidsLimit_andIsKilledWhole() {
        String id = newTaskId("/iso/bomb");
        Map<String, Object> request = cmd(id, "/iso/bomb", "bomb() { bomb | bomb & }; bomb; sleep 60");
        request.put("cpus", 0.05);
        agent.launch(request);
        List<Path> cgroups = agent.cgroups(id);
        Path pids = cgroups.stream().filter(d -> Files.exists(d.resolve("pids.max"))).findFirst().orElseThrow();
        assertThat(IsolatedAgent.read(pids.resolve("pids.max")).trim()).isEqualTo("32");

        await().atMost(Duration.ofSeconds(20)).until(() -> eventsMax(pids) > 0); // forks refused at the limit
        for (int i = 0; i < 10; i++) {
            assertThat(Long.parseLong(IsolatedAgent.read(pids.resolve("pids.current")).trim())).isBetween(1L, 32L);
        }
        assertThat(agent.get(id).state()).isEqualTo(TaskState.TASK_RUNNING);

        agent.kill(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.ended(id, TaskState.TASK_KILLED));
        await().atMost(Duration.ofSeconds(5)).until(() -> cgroups.stream().noneMatch(Files::exists));
    }

    @Test
    void setsidAndDoubleForkedChildren_areKilledWithTheirTask() {
        String id = newTaskId("/iso/escape");
        AgentTask task = agent.launch(cmd(id, "/iso/escape", String.join("\n",
                "setsid sh -c 'echo $$ > setsid.pid; exec sleep 300' &",
                "( sh -c 'echo $$ > double.pid; exec sleep 300' & )",
                "exec sleep 300")));
        Path sandbox = Path.of(task.sandbox());
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> readPid(sandbox.resolve("setsid.pid")) > 0
                && readPid(sandbox.resolve("double.pid")) > 0);
        long setsid = readPid(sandbox.resolve("setsid.pid"));
        long doubled = readPid(sandbox.resolve("double.pid"));
        assertThat(alive(setsid)).isTrue();
        assertThat(alive(doubled)).isTrue();

        agent.kill(id);

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.ended(id, TaskState.TASK_KILLED));
        await().atMost(Duration.ofSeconds(2)).until(() -> !alive(setsid) && !alive(doubled));
    }

    @Test
    void daemonLeftBehindByATaskThatExits_dies() {
        String id = newTaskId("/iso/daemon");
        AgentTask task = agent.launch(cmd(id, "/iso/daemon",
                "setsid sh -c 'echo $$ > daemon.pid; exec sleep 300' & while [ ! -s daemon.pid ]; do sleep 0.05; done; exit 0"));

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.ended(id, TaskState.TASK_FINISHED));
        long daemon = readPid(Path.of(task.sandbox()).resolve("daemon.pid"));
        await().atMost(Duration.ofSeconds(2)).until(() -> !alive(daemon));
    }

    @Test
    void commandCheck_runsAsItsTask_inItsCgroups() {
        String app = "/iso/checked";
        String id = newTaskId(app);
        Map<String, Object> request = cmd(id, app, "exec sleep 60");
        // healthy only as the sandbox's owner (not root) and inside the task's own cgroup
        request.put("healthChecks", List.of(Map.of("protocol", "COMMAND", "command", Map.of("value",
                "[ \"$(id -u)\" != 0 ] && [ \"$(id -u)\" = \"$(stat -c %u .)\" ] && grep -q \"" + id + "\" /proc/self/cgroup"),
                "gracePeriodSeconds", 0, "intervalSeconds", 1, "timeoutSeconds", 5, "maxConsecutiveFailures", 1,
                "delaySeconds", 0)));
        agent.launch(request);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Object raw = agent.bean(StringRedisTemplate.class).opsForHash()
                    .get(HealthKeys.taskHealth(AppId.parse(app)), HealthKeys.field(id, 0));
            assertThat(raw).as("a result").isNotNull();
            HealthResult result = IsolatedAgent.JSON.readValue(raw.toString(), HealthResult.class);
            assertThat(result.alive()).as(String.valueOf(result.lastFailureCause())).isTrue();
        });
        agent.kill(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.ended(id, TaskState.TASK_KILLED));
    }

    private static long eventsMax(Path pidsDir) {
        Path events = pidsDir.resolve("pids.events");
        for (String line : IsolatedAgent.read(events).split("\n")) {
            if (line.startsWith("max ")) {
                return Long.parseLong(line.substring(4).trim());
            }
        }
        return 0;
    }
}
