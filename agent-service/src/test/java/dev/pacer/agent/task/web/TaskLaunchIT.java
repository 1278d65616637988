package dev.pacer.agent.task.web;

import static dev.pacer.agent.support.TestTasks.args;
import static dev.pacer.agent.support.TestTasks.cmd;
import static dev.pacer.agent.support.TestTasks.newTaskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.support.AgentApiTestBase;
import dev.pacer.agent.support.TestTasks;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.testsupport.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Launching tasks as real processes over the agent's HTTP API; their states read back from Redis. */
class TaskLaunchIT extends AgentApiTestBase {

    @Test
    void cmdTask_seesMarathonsVariables_andNotTheAgentsEnvironment() {
        String id = newTaskId("/team/web");
        Map<String, Object> request = cmd(id, "/team/web", "env > env.txt");
        request.put("ports", List.of(31001, 31002));
        request.put("portNames", Arrays.asList("http-api", null));
        request.put("env", Map.of("APP_SETTING", "on", "PORT0", "overridden-by-marathon"));
        request.put("labels", Map.of("owner.team", "core", "tier", "front"));

        Http.Response launched = launch(request);

        assertThat(launched.status()).isEqualTo(201);
        AgentTask task = JSON.readValue(launched.body(), AgentTask.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> task(id).state() == TaskState.TASK_FINISHED);
        Map<String, String> env = TestTasks.envFile(Path.of(task.sandbox(), "env.txt"));
        assertThat(env).containsEntry("PORT0", "31001").containsEntry("PORT1", "31002")
                .containsEntry("PORT", "31001").containsEntry("PORTS", "31001,31002")
                .containsEntry("PORT_HTTP_API", "31001")
                .containsEntry("HOST", "localhost")
                .containsEntry("MARATHON_APP_ID", "/team/web")
                .containsEntry("MARATHON_APP_VERSION", "2024-01-01T00:00:00.000Z")
                .containsEntry("MESOS_TASK_ID", id)
                .containsEntry("MESOS_SANDBOX", task.sandbox())
                .containsEntry("HOME", task.sandbox())
                .containsEntry("MARATHON_APP_RESOURCE_CPUS", "0.1")
                .containsEntry("MARATHON_APP_RESOURCE_MEM", "32.0")
                .containsEntry("MARATHON_APP_LABELS", "OWNER_TEAM TIER")
                .containsEntry("MARATHON_APP_LABEL_OWNER_TEAM", "core")
                .containsEntry("MARATHON_APP_LABEL_TIER", "front")
                .containsEntry("APP_SETTING", "on");
        assertThat(env).doesNotContainKeys("JAVA_HOME", "MAVEN_OPTS", "USER");
    }

    @Test
    void argsTask_isExecutedWithoutAShell() {
        String id = newTaskId("/literal");
        Http.Response launched = launch(args(id, "/literal", List.of("/bin/echo", "$HOME", "a;b", "*", "$(id)")));

        assertThat(launched.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> task(id).state() == TaskState.TASK_FINISHED);
        assertThat(Http.get(taskUrl(id) + "/logs/stdout").body()).isEqualTo("$HOME a;b * $(id)\n");
    }

    @Test
    void launchingAKnownTaskAgain_answersItWithoutStartingASecondProcess() {
        String id = newTaskId("/once");
        Map<String, Object> request = cmd(id, "/once", "echo started >> starts; exec sleep 30");

        Http.Response first = launch(request);
        Http.Response second = launch(request);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        AgentTask known = JSON.readValue(second.body(), AgentTask.class);
        assertThat(known.pid()).isEqualTo(JSON.readValue(first.body(), AgentTask.class).pid());
        Path starts = Path.of(known.sandbox(), "starts");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(starts));
        Http.send("DELETE", taskUrl(id), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> task(id).state() == TaskState.TASK_KILLED);

        Http.Response afterEnd = launch(request);

        assertThat(afterEnd.status()).isEqualTo(200);
        assertThat(JSON.readValue(afterEnd.body(), AgentTask.class).state()).isEqualTo(TaskState.TASK_KILLED);
        assertThat(read(starts)).isEqualTo("started\n");
    }

    @Test
    void exitCodes_areReportedToTheStatusStream_asFinishedOrFailed() {
        String failing = newTaskId("/exits");
        String succeeding = newTaskId("/exits");

        launch(cmd(failing, "/exits", "exit 3"));
        launch(cmd(succeeding, "/exits", "true"));

        await().atMost(Duration.ofSeconds(5)).until(() -> terminal(statuses(failing)) && terminal(statuses(succeeding)));
        List<TaskStatus> failed = statuses(failing);
        assertThat(failed).extracting(TaskStatus::state)
                .containsExactly(TaskState.TASK_STAGING, TaskState.TASK_RUNNING, TaskState.TASK_FAILED);
        TaskStatus last = failed.get(2);
        assertThat(last.exitCode()).isEqualTo(3);
        assertThat(last.message()).isEqualTo("exited with code 3");
        assertThat(last.agentId()).isEqualTo(AGENT_ID);
        assertThat(last.appId()).isEqualTo("/exits");
        assertThat(last.host()).isEqualTo("localhost");
        List<TaskStatus> finished = statuses(succeeding);
        assertThat(finished.get(finished.size() - 1).state()).isEqualTo(TaskState.TASK_FINISHED);
        assertThat(finished.get(finished.size() - 1).exitCode()).isZero();
    }

    @Test
    void argsTaskWithAMissingProgram_failsWithTheReason() {
        String id = newTaskId("/missing");

        Http.Response launched = launch(args(id, "/missing", List.of("no-such-program-here")));

        assertThat(launched.status()).isEqualTo(201);
        AgentTask task = JSON.readValue(launched.body(), AgentTask.class);
        assertThat(task.state()).isEqualTo(TaskState.TASK_FAILED);
        await().atMost(Duration.ofSeconds(5)).until(() -> terminal(statuses(id)));
        List<TaskStatus> statuses = statuses(id);
        assertThat(statuses.get(statuses.size() - 1).message())
                .isEqualTo("could not start: command 'no-such-program-here' not found on the task's PATH");
    }

    @Test
    void logs_tailTheLastLinesOfStdout() {
        String id = newTaskId("/chatty");
        launch(cmd(id, "/chatty", "i=1; while [ $i -le 500 ]; do echo line $i; i=$((i+1)); done; echo oops >&2"));
        await().atMost(Duration.ofSeconds(5)).until(() -> task(id).state() == TaskState.TASK_FINISHED);

        Http.Response tail = Http.get(taskUrl(id) + "/logs/stdout?tail=3");
        Http.Response byDefault = Http.get(taskUrl(id) + "/logs/stdout");
        Http.Response stderr = Http.get(taskUrl(id) + "/logs/stderr");

        assertThat(tail.status()).isEqualTo(200);
        assertThat(tail.header("Content-Type")).startsWith("text/plain");
        assertThat(tail.body()).isEqualTo("line 498\nline 499\nline 500\n");
        assertThat(byDefault.body().lines()).hasSize(100).first().isEqualTo("line 401");
        assertThat(stderr.body()).isEqualTo("oops\n");
        assertThat(Http.get(taskUrl(id) + "/logs/other").status()).isEqualTo(404);
    }

    @Test
    void unknownTask_is404WithTheJsonErrorBody() {
        Http.Response get = Http.get(taskUrl("nope.instance-00000000-0000-0000-0000-000000000000._app.1"));
        Http.Response kill = Http.send("DELETE", taskUrl("nope"), null);
        Http.Response logs = Http.get(taskUrl("nope") + "/logs/stdout");

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.body()).isEqualTo(
                "{\"message\":\"Task 'nope.instance-00000000-0000-0000-0000-000000000000._app.1' does not exist\"}");
        assertThat(kill.status()).isEqualTo(404);
        assertThat(logs.status()).isEqualTo(404);
        assertThat(logs.body()).isEqualTo("{\"message\":\"Task 'nope' does not exist\"}");
    }

    @Test
    void invalidLaunch_is422_namingEachFailingField() {
        Map<String, Object> request = cmd("not a task id", "/Bad_App", "true");
        request.put("args", List.of("/bin/true"));
        request.put("ports", List.of(70000));

        Http.Response response = launch(request);

        assertThat(response.status()).isEqualTo(422);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("message").asString()).isEqualTo("Object is not valid");
        assertThat(body.path("details").findValuesAsString("path"))
                .containsExactlyInAnyOrder("/taskId", "/appId", "/", "/ports(0)");
    }

    @Test
    void listedTasks_includeEveryLaunchedTask() {
        String id = newTaskId("/listed");
        launch(cmd(id, "/listed", "true"));

        JsonNode list = JSON.readTree(Http.get(url(ApiPaths.AGENT_TASKS)).body());

        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsString("taskId")).contains(id);
    }

    private static boolean terminal(List<TaskStatus> statuses) {
        return !statuses.isEmpty() && statuses.get(statuses.size() - 1).state().isTerminal();
    }
}
