package dev.pacer.agent.task.web;

import static dev.pacer.agent.support.TestTasks.alive;
import static dev.pacer.agent.support.TestTasks.cmd;
import static dev.pacer.agent.support.TestTasks.newTaskId;
import static dev.pacer.agent.support.TestTasks.readPid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.support.AgentApiTestBase;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.testsupport.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Killing tasks: SIGTERM to the whole process group, SIGKILL after the grace period, nothing left behind. */
class TaskKillIT extends AgentApiTestBase {

    private static final String STUBBORN = String.join("\n",
            "trap 'echo leader got TERM' TERM",
            "sh -c 'trap \"echo child got TERM\" TERM; echo $$ > child.pid; while :; do sleep 0.1; done' &",
            "echo $$ > leader.pid",
            "while :; do sleep 0.1; done");

    @Test
    void kill_stopsTheWholeGroup_evenProcessesThatTrapTerm_onceTheGracePeriodIsOver() {
        String id = newTaskId("/stubborn");
        Map<String, Object> request = cmd(id, "/stubborn", STUBBORN);
        request.put("killGracePeriodSeconds", 0); // the agent's default applies: 1s here
        AgentTask started = JSON.readValue(launch(request).body(), AgentTask.class);
        Path sandbox = Path.of(started.sandbox());
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> Files.size(sandbox.resolve("child.pid")) > 0
                && Files.exists(sandbox.resolve("leader.pid")) && Files.size(sandbox.resolve("leader.pid")) > 0);
        long child = readPid(sandbox.resolve("child.pid"));
        long leader = readPid(sandbox.resolve("leader.pid"));
        long killedAt = System.nanoTime();

        Http.Response killing = Http.send("DELETE", taskUrl(id), null);

        assertThat(killing.status()).isEqualTo(202);
        assertThat(JSON.readValue(killing.body(), AgentTask.class).state()).isEqualTo(TaskState.TASK_KILLING);
        await().atMost(Duration.ofSeconds(5)).until(() -> task(id).state() == TaskState.TASK_KILLED);
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        await().atMost(Duration.ofSeconds(2)).until(() -> !alive(child) && !alive(leader) && !alive(started.pid()));
        assertThat(read(sandbox.resolve("stdout"))).contains("leader got TERM", "child got TERM");
        assertThat(statuses(id)).extracting(TaskStatus::state).containsSubsequence(
                TaskState.TASK_RUNNING, TaskState.TASK_KILLING, TaskState.TASK_KILLED);
    }

    @Test
    void kill_ofATaskThatStopsOnTerm_endsItWithoutWaitingForTheGracePeriod() {
        String id = newTaskId("/polite");
        Map<String, Object> request = cmd(id, "/polite", "exec sleep 30");
        request.put("killGracePeriodSeconds", 30);
        AgentTask started = JSON.readValue(launch(request).body(), AgentTask.class);

        Http.send("DELETE", taskUrl(id), null);

        await().atMost(Duration.ofSeconds(5)).until(() -> task(id).state() == TaskState.TASK_KILLED);
        assertThat(alive(started.pid())).isFalse();
        // the status stream is written by the agent's outbox, after the task's own state changed
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            TaskStatus last = statuses(id).get(statuses(id).size() - 1);
            assertThat(last.state()).isEqualTo(TaskState.TASK_KILLED);
            assertThat(last.message()).isEqualTo("killed on request");
        });
    }

    @Test
    void kill_ofAnEndedTask_answersItUnchanged() {
        String id = newTaskId("/done");
        launch(cmd(id, "/done", "true"));
        await().atMost(Duration.ofSeconds(5)).until(() -> task(id).state() == TaskState.TASK_FINISHED);

        Http.Response killed = Http.send("DELETE", taskUrl(id), null);

        assertThat(killed.status()).isEqualTo(202);
        AgentTask task = JSON.readValue(killed.body(), AgentTask.class);
        assertThat(task.state()).isEqualTo(TaskState.TASK_FINISHED);
        assertThat(task.exitCode()).isZero();
    }

    @Test
    void taskThatExits_leavesNothingBehindInItsGroup() {
        String id = newTaskId("/leaky");
        AgentTask started = JSON.readValue(launch(cmd(id, "/leaky", "sleep 30 & echo $! > background.pid")).body(),
                AgentTask.class);

        await().atMost(Duration.ofSeconds(5)).until(() -> task(id).state() == TaskState.TASK_FINISHED);

        long background = readPid(Path.of(started.sandbox(), "background.pid"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !alive(background)); // killed before FINISHED; reaped by init
    }
}
