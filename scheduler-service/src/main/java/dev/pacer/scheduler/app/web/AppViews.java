package dev.pacer.scheduler.app.web;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.MarathonTask;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.app.service.AppInfoWriter;
import dev.pacer.scheduler.app.service.AppTaskService;
import dev.pacer.scheduler.app.service.LabelSelector;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.ports.ServicePorts;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.deploy.DeploymentService;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.web.Embed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON the {@code /v2/apps} reads answer with: AppInfo (counts, deployments, tasks, last task failure,
 * the {@code pacer} object with {@code embed=pacer}), an app's tasks with their service ports, its
 * versions. Keeps {@link AppsController} to parsing the call and choosing the answer.
 */
@Component
class AppViews {

    private final AppRepository repository;
    private final AppTaskService tasks;
    private final AppInfoWriter writer;
    private final AppDefinitions definitions;
    private final JsonMapper json;
    private final DeploymentService deployments;

    AppViews(AppRepository repository, AppTaskService tasks, AppInfoWriter writer, AppDefinitions definitions,
             JsonMapper json, DeploymentService deployments) {
        this.repository = repository;
        this.tasks = tasks;
        this.writer = writer;
        this.definitions = definitions;
        this.json = json;
        this.deployments = deployments;
    }

    /** {@code GET /v2/apps}: the apps whose {@code cmd} and {@code id} contain the given texts and whose labels match. */
    ObjectNode list(String cmd, String id, String label, List<String> embed) {
        LabelSelector selector;
        try {
            selector = label == null ? null : LabelSelector.parse(label);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, ErrorBody.of(e.getMessage()));
        }
        boolean embedTasks = embed != null && embed.stream().anyMatch(e -> e.endsWith("tasks") || e.endsWith("failures"));
        ObjectNode body = json.createObjectNode();
        ArrayNode array = body.putArray("apps");
        List<AppDefinition> selected = repository.list(AppId.ROOT).stream().filter(a -> matches(a, cmd, id, selector)).toList();
        Map<AppId, List<TaskRecord>> taskRecords = tasks.activeTasks(selected.stream().map(AppDefinition::appId).toList());
        Map<String, String> locks = deployments.locksOf(selected.stream().map(AppDefinition::id).toList());
        List<ObjectNode> infos = writer.appInfos(selected, taskRecords, embedTasks, locks);
        boolean pacer = Embed.pacer(embed);
        boolean failures = embed != null && embed.stream().anyMatch(e -> e.endsWith("lastTaskFailure") || e.endsWith("failures"));
        for (int i = 0; i < infos.size(); i++) {
            ObjectNode info = failures ? writer.withLastTaskFailure(infos.get(i), selected.get(i)) : infos.get(i);
            array.add(pacer ? definitions.withPacer(info, selected.get(i)) : info);
        }
        return body;
    }

    /** {@code GET /v2/apps/{id}}: the app's AppInfo with its tasks, deployments and last task failure. */
    ObjectNode app(AppId id, boolean pacer) {
        AppDefinition app = repository.require(id);
        return withPacer(writer.withLastTaskFailure(writer.appInfo(app, tasks.activeTasks(id), true,
                deployments.locksOf(List.of(id.toString())).get(id.toString())), app), app, pacer);
    }

    /** {@code GET /v2/apps/{group}/*}: the AppInfo of every app below the group. */
    List<ObjectNode> appsUnder(AppId group, boolean pacer) {
        return repository.list(group).stream()
                .map(a -> withPacer(writer.withLastTaskFailure(writer.appInfo(a, tasks.activeTasks(a.appId()), true), a), a, pacer))
                .toList();
    }

    /** The tasks of every app below the group (the group wildcard's {@code /tasks}). */
    List<MarathonTask> tasksUnder(AppId group) {
        return repository.list(group).stream()
                .flatMap(a -> writer.tasksOf(a, tasks.tasksOf(a.appId()), ServicePorts.ports(a)).stream()).toList();
    }

    /** The app's active tasks, with its service ports. */
    List<MarathonTask> tasksOf(AppId app) {
        AppDefinition definition = repository.require(app);
        return writer.tasksOf(definition, tasks.tasksOf(app), ServicePorts.ports(definition));
    }

    List<String> versions(AppId app) {
        repository.require(app);
        return repository.versions(app);
    }

    /** The app's definition at {@code raw}; 404 when it has no such version (or {@code raw} is none). */
    JsonNode version(AppId app, String raw, boolean pacer) {
        repository.require(app);
        Timestamp version;
        try {
            version = Timestamp.parse(raw);
        } catch (RuntimeException e) {
            throw ApiException.notFound("App '%s' does not exist in version %s", app, raw);
        }
        return definitions.write(repository.version(app, version).orElseThrow(() ->
                ApiException.notFound("App '%s' does not exist in version %s", app, raw)), pacer);
    }

    /** The answer of {@code POST /v2/apps}: the new app's AppInfo. */
    ObjectNode created(AppDefinition app, String deploymentId, boolean pacer) {
        return withPacer(writer.created(app, deploymentId), app, pacer);
    }

    List<MarathonTask> tasks(List<TaskRecord> records) {
        return records.stream().map(writer::task).toList();
    }

    private ObjectNode withPacer(ObjectNode node, AppDefinition app, boolean pacer) {
        return pacer ? definitions.withPacer(node, app) : node;
    }

    private static boolean matches(AppDefinition app, String cmd, String id, LabelSelector selector) {
        if (cmd != null && (app.cmd() == null || !app.cmd().toLowerCase(Locale.ROOT).contains(cmd.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (id != null && !app.id().toLowerCase(Locale.ROOT).contains(id.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return selector == null || selector.test(app.labels());
    }
}
