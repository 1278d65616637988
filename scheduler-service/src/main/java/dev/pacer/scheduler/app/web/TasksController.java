package dev.pacer.scheduler.app.web;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.app.service.AppInfoWriter;
import dev.pacer.scheduler.app.service.AppTaskService;
import dev.pacer.scheduler.definition.ports.ServicePorts;
import dev.pacer.scheduler.definition.store.AppRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v2/tasks} (status filter) and {@code POST /v2/tasks/delete}. */
@RestController
class TasksController {

    private final AppTaskService tasks;
    private final AppInfoWriter writer;

    private final AppRepository apps;

    TasksController(AppTaskService tasks, AppInfoWriter writer, AppRepository apps) {
        this.tasks = tasks;
        this.writer = writer;
        this.apps = apps;
    }

    record DeleteTasks(List<String> ids) {
    }

    @GetMapping(ApiPaths.V2_TASKS)
    Map<String, Object> list(HttpServletRequest request) {
        List<String> statuses = new ArrayList<>();
        for (String name : List.of("status", "status[]")) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                statuses.addAll(List.of(values));
            }
        }
        Set<TaskState> states = EnumSet.noneOf(TaskState.class);
        for (String status : statuses) {
            switch (status.toLowerCase(Locale.ROOT)) {
                case "running" -> states.add(TaskState.TASK_RUNNING);
                case "staging" -> states.add(TaskState.TASK_STAGING);
                default -> { }
            }
        }
        // Marathon fills servicePorts here: each app's definition read once
        return Map.of("tasks", writer.tasks(tasks.allTasks(states),
                app -> apps.find(app).map(ServicePorts::ports).orElse(List.of())));
    }

    @PostMapping(ApiPaths.V2_TASKS + "/delete")
    ResponseEntity<?> delete(@RequestBody DeleteTasks body, @RequestParam(defaultValue = "false") boolean scale,
                             @RequestParam(defaultValue = "false") boolean wipe,
                             @RequestParam(defaultValue = "false") boolean force) {
        if (scale && wipe) {
            throw ApiException.badRequest("You cannot use scale and wipe at the same time.");
        }
        AppTaskService.Killed killed = tasks.killByIds(body.ids() == null ? List.of() : body.ids(), scale, force);
        if (killed.scaled() != null) {
            return ResponseEntity.ok(killed.scaled());
        }
        return ResponseEntity.ok(Map.of("tasks", killed.tasks().stream().map(writer::task).toList()));
    }
}
