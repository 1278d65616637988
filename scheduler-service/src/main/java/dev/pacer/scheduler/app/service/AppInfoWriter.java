package dev.pacer.scheduler.app.service;

import dev.pacer.contract.marathon.MarathonTask;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.app.definition.AppDefinitions;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Marathon's AppInfo (reference §4 "output-only additions"): the app's JSON plus task counts,
 * running deployments and, when asked, its tasks. Health counts stay 0 until health checks run.
 */
public class AppInfoWriter {

    private final AppDefinitions definitions;
    private final JsonMapper json;

    public AppInfoWriter(AppDefinitions definitions, JsonMapper json) {
        this.definitions = definitions;
        this.json = json;
    }

    public ObjectNode appInfo(AppDefinition app, List<TaskRecord> tasks, boolean embedTasks) {
        return appInfo(app, tasks, embedTasks, null);
    }

    /** @param deploymentId the running deployment holding the app, null when none */
    public ObjectNode appInfo(AppDefinition app, List<TaskRecord> tasks, boolean embedTasks, String deploymentId) {
        ObjectNode info = definitions.write(app);
        List<TaskRecord> active = tasks.stream().filter(TaskRecord::isActive).toList();
        info.put("tasksStaged", active.stream().filter(t -> t.state() == TaskState.TASK_STAGING || t.state() == TaskState.TASK_STARTING).count());
        info.put("tasksRunning", active.stream().filter(t -> t.state() == TaskState.TASK_RUNNING).count());
        info.put("tasksHealthy", 0);
        info.put("tasksUnhealthy", 0);
        ArrayNode deployments = info.putArray("deployments");
        if (deploymentId != null) {
            deployments.addObject().put("id", deploymentId);
        }
        if (embedTasks) {
            ArrayNode array = info.putArray("tasks");
            List<Integer> servicePorts = dev.pacer.scheduler.app.ports.ServicePorts.ports(app);
            active.forEach(t -> array.add(json.valueToTree(task(t, servicePorts))));
        }
        return info;
    }

    /** What {@code POST /v2/apps} answers: zero counts, the new deployment, no {@code versionInfo}. */
    public ObjectNode created(AppDefinition app, String deploymentId) {
        ObjectNode info = appInfo(app, List.of(), false);
        info.remove("versionInfo");
        info.putArray("deployments").addObject().put("id", deploymentId);
        return info;
    }

    public MarathonTask task(TaskRecord t) {
        return task(t, List.of());
    }

    /** A task in Marathon's JSON, with its app's service ports. */
    public MarathonTask task(TaskRecord t, List<Integer> servicePorts) {
        boolean active = t.isActive();
        return new MarathonTask(t.taskId(), t.appId(), t.host(), t.agentId(), t.agentId(), t.state().name(),
                active && t.stagedAt() != null ? Timestamp.format(t.stagedAt()) : null,
                active && t.startedAt() != null ? Timestamp.format(t.startedAt()) : null,
                active ? t.version() : null, active ? t.ports() : List.of(), servicePorts,
                null, List.of(), t.region(), t.zone(), "*");
    }
}
