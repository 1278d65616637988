package dev.pacer.scheduler.app.service;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.HealthCheckResult;
import dev.pacer.contract.marathon.MarathonTask;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.ports.ServicePorts;
import dev.pacer.scheduler.health.TaskHealth;
import dev.pacer.scheduler.health.TaskHealthStore;
import dev.pacer.scheduler.task.status.LastTaskFailures;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Marathon's AppInfo (reference §4 "output-only additions"): the app's JSON plus task counts
 * (health counts from the results in the app's health hash), running deployments and, when asked, its
 * tasks with their {@code healthCheckResults}. Apps without health checks cost no health read; a list
 * reads the health of all its apps in one pipelined round trip.
 */
public class AppInfoWriter {

    private final AppDefinitions definitions;
    private final JsonMapper json;
    private final TaskHealthStore health;
    private final LastTaskFailures failures;

    public AppInfoWriter(AppDefinitions definitions, JsonMapper json) {
        this(definitions, json, null);
    }

    public AppInfoWriter(AppDefinitions definitions, JsonMapper json, TaskHealthStore health) {
        this(definitions, json, health, null);
    }

    public AppInfoWriter(AppDefinitions definitions, JsonMapper json, TaskHealthStore health, LastTaskFailures failures) {
        this.definitions = definitions;
        this.json = json;
        this.health = health;
        this.failures = failures;
    }

    /** Adds the app's {@code lastTaskFailure} when one was recorded (Marathon: always on the single-app GET). */
    public ObjectNode withLastTaskFailure(ObjectNode info, AppDefinition app) {
        if (failures != null) {
            failures.of(app.appId()).ifPresent(f -> info.set("lastTaskFailure", json.valueToTree(f)));
        }
        return info;
    }

    public ObjectNode appInfo(AppDefinition app, List<TaskRecord> tasks, boolean embedTasks) {
        return appInfo(app, tasks, embedTasks, null);
    }

    /** @param deploymentId the running deployment holding the app, null when none */
    public ObjectNode appInfo(AppDefinition app, List<TaskRecord> tasks, boolean embedTasks, String deploymentId) {
        return appInfo(app, tasks, healthOf(app), embedTasks, deploymentId);
    }

    /**
     * AppInfos of many apps, with one pipelined health read for all of them.
     *
     * @param deployments app id → the running deployment holding it
     */
    public List<ObjectNode> appInfos(List<AppDefinition> apps, Map<AppId, List<TaskRecord>> tasks, boolean embedTasks,
                                     Map<String, String> deployments) {
        Map<AppId, Map<String, List<HealthResult>>> results = health == null ? Map.of()
                : health.ofApps(apps.stream().filter(AppInfoWriter::hasChecks).map(AppDefinition::appId).toList());
        return apps.stream().map(a -> appInfo(a, tasks.getOrDefault(a.appId(), List.of()),
                results.getOrDefault(a.appId(), Map.of()), embedTasks, deployments.get(a.id()))).toList();
    }

    private ObjectNode appInfo(AppDefinition app, List<TaskRecord> tasks, Map<String, List<HealthResult>> results,
                               boolean embedTasks, String deploymentId) {
        ObjectNode info = definitions.write(app);
        List<TaskRecord> active = tasks.stream().filter(TaskRecord::isActive).toList();
        info.put("tasksStaged", active.stream().filter(t -> t.state() == TaskState.TASK_STAGING || t.state() == TaskState.TASK_STARTING).count());
        info.put("tasksRunning", active.stream().filter(t -> t.state() == TaskState.TASK_RUNNING).count());
        info.put("tasksHealthy", active.stream().filter(t -> TaskHealth.healthy(results.get(t.taskId()))).count());
        info.put("tasksUnhealthy", active.stream().filter(t -> TaskHealth.unhealthy(results.get(t.taskId()))).count());
        ArrayNode deployments = info.putArray("deployments");
        if (deploymentId != null) {
            deployments.addObject().put("id", deploymentId);
        }
        if (embedTasks) {
            ArrayNode array = info.putArray("tasks");
            List<Integer> servicePorts = ServicePorts.ports(app);
            active.forEach(t -> array.add(json.valueToTree(task(t, servicePorts, results.get(t.taskId())))));
        }
        return info;
    }

    /** The app's definition only, as Marathon's {@code App} (a queue item's {@code app}): no counts, no deployments. */
    public ObjectNode definition(AppDefinition app) {
        return definitions.write(app);
    }

    /** Adds the app's {@code pacer} object to its answer ({@code ?embed=pacer}). */
    public ObjectNode withPacer(ObjectNode info, AppDefinition app) {
        return definitions.withPacer(info, app);
    }

    /** What {@code POST /v2/apps} answers: zero counts, the new deployment, no {@code versionInfo}. */
    public ObjectNode created(AppDefinition app, String deploymentId) {
        ObjectNode info = appInfo(app, List.of(), Map.of(), false, deploymentId);
        info.remove("versionInfo");
        return info;
    }

    public MarathonTask task(TaskRecord t) {
        return task(t, List.of(), null);
    }

    /** Tasks of any apps in Marathon's JSON with their health (one pipelined health read). */
    public List<MarathonTask> tasks(List<TaskRecord> tasks) {
        return tasks(tasks, app -> List.of());
    }

    /** Tasks of any apps with their health and each app's service ports ({@code GET /v2/tasks}). */
    public List<MarathonTask> tasks(List<TaskRecord> tasks, Function<AppId, List<Integer>> servicePorts) {
        Map<AppId, Map<String, List<HealthResult>>> results = health == null ? Map.of()
                : health.ofApps(new LinkedHashSet<>(tasks.stream().map(TaskRecord::app).toList()));
        Map<AppId, List<Integer>> ports = new HashMap<>();
        return tasks.stream().map(t -> task(t, ports.computeIfAbsent(t.app(), servicePorts),
                results.getOrDefault(t.app(), Map.of()).get(t.taskId()))).toList();
    }

    /** The tasks of one app with its service ports and health. */
    public List<MarathonTask> tasksOf(AppDefinition app, List<TaskRecord> tasks, List<Integer> servicePorts) {
        Map<String, List<HealthResult>> results = healthOf(app);
        return tasks.stream().map(t -> task(t, servicePorts, results.get(t.taskId()))).toList();
    }

    public MarathonTask task(TaskRecord t, List<Integer> servicePorts) {
        return task(t, servicePorts, null);
    }

    /** A task in Marathon's JSON, with its app's service ports and its check results. */
    public MarathonTask task(TaskRecord t, List<Integer> servicePorts, List<HealthResult> results) {
        boolean active = t.isActive();
        List<HealthCheckResult> healthCheckResults = results == null || !active ? List.of()
                : results.stream().map(HealthCheckResult::of).toList();
        return new MarathonTask(t.taskId(), t.appId(), t.host(), t.agentId(), t.state().name(),
                active && t.stagedAt() != null ? Timestamp.of(t.stagedAt()) : null,
                active && t.startedAt() != null ? Timestamp.of(t.startedAt()) : null,
                active && t.version() != null ? Timestamp.parse(t.version()) : null, active ? t.ports() : List.of(), servicePorts,
                null, healthCheckResults, t.region(), t.zone(), "*");
    }

    private Map<String, List<HealthResult>> healthOf(AppDefinition app) {
        return health != null && hasChecks(app) ? health.ofApp(app.appId()) : Map.of();
    }

    private static boolean hasChecks(AppDefinition app) {
        return app.healthChecks() != null && !app.healthChecks().isEmpty();
    }
}
