package dev.pacer.agent.task.web;

import dev.pacer.agent.task.LogTail;
import dev.pacer.agent.task.Sandbox;
import dev.pacer.agent.task.TaskRuntime;
import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.task.AgentTask;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agent's task API, called by the scheduler. */
@RestController
class AgentTaskController {

    private final TaskRuntime runtime;

    AgentTaskController(TaskRuntime runtime) {
        this.runtime = runtime;
    }

    /** 201 with the new task; 200 with the known one when the id was launched before (never launched twice). */
    @PostMapping(ApiPaths.AGENT_TASKS)
    ResponseEntity<AgentTask> launch(@RequestBody LaunchBody body) {
        TaskRuntime.Launch launch = runtime.launch(LaunchValidator.validated(body));
        return launch.created()
                ? ResponseEntity.created(URI.create(ApiPaths.AGENT_TASKS + "/" + launch.task().taskId())).body(launch.task())
                : ResponseEntity.ok(launch.task());
    }

    @GetMapping(ApiPaths.AGENT_TASKS)
    List<AgentTask> list() {
        return runtime.list();
    }

    @GetMapping(ApiPaths.AGENT_TASK)
    AgentTask get(@PathVariable String taskId) {
        return runtime.get(taskId).orElseThrow(() -> taskNotFound(taskId));
    }

    /** 202: the task is being killed ({@code TASK_KILLING}); a task that already ended is answered as it is. */
    @DeleteMapping(ApiPaths.AGENT_TASK)
    ResponseEntity<AgentTask> kill(@PathVariable String taskId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(runtime.kill(taskId).orElseThrow(() -> taskNotFound(taskId)));
    }

    @GetMapping(ApiPaths.AGENT_TASK_LOG)
    ResponseEntity<String> logs(@PathVariable String taskId, @PathVariable String stream,
                                @RequestParam(defaultValue = "100") int tail) {
        if (tail < 0) {
            throw ApiException.badRequest("tail must be between 0 and %d", LogTail.MAX_LINES);
        }
        Sandbox sandbox = runtime.sandbox(taskId).orElseThrow(() -> taskNotFound(taskId));
        sandbox.log(stream).orElseThrow(() -> ApiException.notFound("Log stream '%s' does not exist", stream));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(runtime.logs(taskId, stream, tail).orElseThrow(() -> taskNotFound(taskId)));
    }

    private static ApiException taskNotFound(String taskId) {
        return ApiException.notFound("Task '%s' does not exist", taskId);
    }
}
