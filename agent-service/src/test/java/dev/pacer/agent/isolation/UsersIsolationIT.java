package dev.pacer.agent.isolation;

import static dev.pacer.agent.support.TestTasks.alive;
import static dev.pacer.agent.support.TestTasks.cmd;
import static dev.pacer.agent.support.TestTasks.newTaskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.node.AgentNode;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A root agent that finds no usable cgroups (an unprivileged container; here: a cgroup mount point with nothing in
 * it) still never runs a task as root: isolation level {@code users}, each app's tasks as a uid of its own, in a
 * sandbox only that uid enters; a kill ends the task's process group.
 */
class UsersIsolationIT {

    private static IsolatedAgent agent;
    private static Path noCgroups;

    @BeforeAll
    static void start() throws Exception {
        RootOnly.assumeRoot();
        noCgroups = Files.createTempDirectory("pacer-no-cgroups");
        agent = new IsolatedAgent("--pacer.agent.isolation.mode=auto", "--pacer.agent.isolation.cgroup-mount=" + noCgroups);
    }

    @AfterAll
    static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (noCgroups != null) {
            Files.deleteIfExists(noCgroups);
        }
    }

    @Test
    void tasksRunAsTheirAppsUnprivilegedUser_withoutCgroups_andAKillEndsThem() throws Exception {
        assertThat(agent.bean(AgentNode.class).attributes()).containsEntry("isolation", "users");
        AgentTask one = agent.launch(cmd(newTaskId("/users/one"), "/users/one", "id -u > uid; exec sleep 60"));
        AgentTask two = agent.launch(cmd(newTaskId("/users/two"), "/users/two", "id -u > uid; exec sleep 60"));
        Path sandboxOne = Path.of(one.sandbox());
        Path sandboxTwo = Path.of(two.sandbox());
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(sandboxOne.resolve("uid"))
                && Files.exists(sandboxTwo.resolve("uid")) && !IsolatedAgent.read(sandboxTwo.resolve("uid")).isBlank()
                && !IsolatedAgent.read(sandboxOne.resolve("uid")).isBlank());

        int uidOne = Integer.parseInt(IsolatedAgent.read(sandboxOne.resolve("uid")).trim());
        int uidTwo = Integer.parseInt(IsolatedAgent.read(sandboxTwo.resolve("uid")).trim());
        assertThat(uidOne).isBetween(50000, 59999);
        assertThat(uidTwo).isBetween(50000, 59999).isNotEqualTo(uidOne);
        assertThat(Files.getAttribute(sandboxOne, "unix:uid")).isEqualTo(uidOne);
        assertThat(Files.getAttribute(sandboxOne, "unix:mode")).isEqualTo(040700);
        assertThat(agent.cgroups(one.taskId())).as("no cgroups at this level").isEmpty();

        agent.kill(one.taskId());
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.ended(one.taskId(), TaskState.TASK_KILLED));
        await().atMost(Duration.ofSeconds(5)).until(() -> !alive(one.pid()));
        assertThat(agent.get(two.taskId()).state()).isEqualTo(TaskState.TASK_RUNNING);
    }
}
