package dev.pacer.scheduler.app.service;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.reconcile.TaskKiller;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.task.store.TaskStore;
import dev.pacer.scheduler.work.AppHints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tasks as the API shows and kills them. Only active tasks are shown. A kill without {@code scale}
 * is followed by a replacement (the app still wants its instances); with {@code scale} the app's
 * instance count goes down by the number killed.
 */
public class AppTaskService {

    private final AppRepository apps;
    private final TaskStore tasks;
    private final TaskKiller killer;
    private final AppService appService;
    private final AppHints hints;

    public AppTaskService(AppRepository apps, TaskStore tasks, TaskKiller killer, AppService appService, AppHints hints) {
        this.apps = apps;
        this.tasks = tasks;
        this.killer = killer;
        this.appService = appService;
        this.hints = hints;
    }

    public List<TaskRecord> activeTasks(AppId app) {
        return tasks.ofApp(app).stream().filter(TaskRecord::isActive).toList();
    }

    public List<TaskRecord> tasksOf(AppId app) {
        apps.require(app);
        return activeTasks(app);
    }

    /** Active tasks of each of the given apps, read in a fixed number of round trips. */
    public Map<AppId, List<TaskRecord>> activeTasks(List<AppId> ids) {
        Map<AppId, List<TaskRecord>> all = tasks.ofApps(ids);
        all.replaceAll((app, list) -> list.stream().filter(TaskRecord::isActive).toList());
        return all;
    }

    /** Active tasks of every app, optionally only in the given states ({@code GET /v2/tasks}). */
    public List<TaskRecord> allTasks(Set<TaskState> states) {
        List<TaskRecord> all = new ArrayList<>();
        for (List<TaskRecord> ofApp : activeTasks(apps.list(AppId.ROOT).stream().map(a -> a.appId()).toList()).values()) {
            for (TaskRecord t : ofApp) {
                if (states.isEmpty() || states.contains(t.state())) {
                    all.add(t);
                }
            }
        }
        return all;
    }

    /** Kills the app's tasks (on {@code host} only, unless null or {@code *}). */
    public Killed killTasks(AppId app, String host, boolean scale, boolean force) {
        apps.require(app);
        List<TaskRecord> victims = activeTasks(app).stream()
                .filter(t -> host == null || host.equals("*") || host.equals(t.host()) || host.equals(t.agentId()))
                .toList();
        return kill(Map.of(app, victims), scale, force);
    }

    public Killed killTask(AppId app, String taskId, boolean scale, boolean force) {
        apps.require(app);
        TaskRecord task = activeTasks(app).stream().filter(t -> t.taskId().equals(taskId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Task '%s' does not exist", taskId));
        return kill(Map.of(app, List.of(task)), scale, force);
    }

    /** {@code POST /v2/tasks/delete}: ids of tasks of any apps. */
    public Killed killByIds(List<String> ids, boolean scale, boolean force) {
        Map<AppId, List<TaskRecord>> byApp = new LinkedHashMap<>();
        for (String id : ids) {
            AppId app;
            try {
                app = TaskId.parse(id).appId();
            } catch (InvalidIdException e) {
                throw ApiException.badRequest("Invalid task id '%s'.", id);
            }
            tasks.find(app, id).filter(TaskRecord::isActive)
                    .ifPresent(t -> byApp.computeIfAbsent(app, a -> new ArrayList<>()).add(t));
        }
        return kill(byApp, scale, force);
    }

    /** The tasks killed, and the scale change when {@code scale} was asked for. */
    public record Killed(List<TaskRecord> tasks, DeploymentResult scaled) {
    }

    /**
     * With {@code scale}, a deployment holding any of the apps is a 409 before anything is killed
     * (unless {@code force}, which cancels it).
     */
    private Killed kill(Map<AppId, List<TaskRecord>> victims, boolean scale, boolean force) {
        if (scale && !force) {
            appService.requireUnlocked(victims.keySet());
        }
        List<TaskRecord> killed = new ArrayList<>();
        DeploymentResult scaled = null;
        for (Map.Entry<AppId, List<TaskRecord>> entry : victims.entrySet()) {
            // kill first: a task whose kill was asked for no longer counts, so the scale-down that
            // follows cannot make the reconciler pick other victims
            for (TaskRecord task : entry.getValue()) {
                killer.kill(task);
                killed.add(task.withKillRequested());
            }
            if (scale) {
                int instances = apps.require(entry.getKey()).instances();
                scaled = appService.scaleTo(entry.getKey(), instances - entry.getValue().size(), true);
            }
            hints.publish(entry.getKey());
        }
        return new Killed(killed, scaled);
    }
}
