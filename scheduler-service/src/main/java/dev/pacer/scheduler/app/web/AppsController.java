package dev.pacer.scheduler.app.web;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.AppPath;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.app.definition.AppDefinitions;
import dev.pacer.scheduler.app.definition.UpdateMode;
import dev.pacer.scheduler.definition.ports.ServicePorts;
import dev.pacer.scheduler.app.service.AppInfoWriter;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.app.service.AppService;
import dev.pacer.scheduler.app.service.AppTaskService;
import dev.pacer.scheduler.app.service.DeploymentResult;
import dev.pacer.scheduler.app.service.LabelSelector;
import dev.pacer.scheduler.deploy.DeploymentService;
import dev.pacer.scheduler.events.EventLog;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.web.Embed;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v2/apps} and everything below it. Ids may contain {@code /} and arrive as {@code //id}
 * from the Marathon Java client, so the part after {@code /v2/apps} is parsed by {@link AppPath}
 * rather than by path variables.
 */
@RestController
class AppsController {

    static final String DEPLOYMENT_HEADER = "Marathon-Deployment-Id";

    private final AppService apps;
    private final AppTaskService tasks;
    private final AppRepository repository;
    private final AppInfoWriter writer;
    private final AppDefinitions definitions;
    private final JsonMapper json;
    private final DeploymentService deployments;
    private final ApiPostEvents events;

    AppsController(AppService apps, AppTaskService tasks, AppRepository repository, AppInfoWriter writer,
                   AppDefinitions definitions, JsonMapper json, DeploymentService deployments, EventLog eventLog) {
        this.events = new ApiPostEvents(eventLog);
        this.deployments = deployments;
        this.apps = apps;
        this.tasks = tasks;
        this.repository = repository;
        this.writer = writer;
        this.definitions = definitions;
        this.json = json;
    }

    @GetMapping(ApiPaths.V2_APPS)
    ObjectNode list(@RequestParam(required = false) String cmd, @RequestParam(required = false) String id,
                    @RequestParam(required = false) String label, @RequestParam(required = false) List<String> embed) {
        LabelSelector selector;
        try {
            selector = label == null ? null : LabelSelector.parse(label);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, dev.pacer.contract.error.ErrorBody.of(e.getMessage()));
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

    @PostMapping(ApiPaths.V2_APPS)
    ResponseEntity<ObjectNode> create(HttpServletRequest request, @RequestBody JsonNode body,
                                      @RequestParam(defaultValue = "false") boolean force,
                                      @RequestParam(required = false) List<String> embed) {
        AppService.Change change = apps.create(body, force);
        events.posted(request, change.app().appId(), change.result().version());
        ObjectNode created = writer.created(change.app(), change.result().deploymentId());
        // the pacer object is echoed to a client that sent it (or asks for it)
        boolean pacer = Embed.pacer(embed) || body.isObject() && body.has(AppDefinitions.PACER);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(ApiPaths.V2_APPS + change.app().appId()))
                .header(DEPLOYMENT_HEADER, change.result().deploymentId())
                .body(pacer ? definitions.withPacer(created, change.app()) : created);
    }

    @PutMapping(ApiPaths.V2_APPS)
    ResponseEntity<DeploymentResult> putAll(@RequestBody JsonNode body,
                                            @RequestParam(defaultValue = "true") boolean partialUpdate,
                                            @RequestParam(defaultValue = "false") boolean force) {
        return deployed(HttpStatus.OK, apps.putAll(body, partialUpdate ? UpdateMode.PARTIAL : UpdateMode.FULL, false, force));
    }

    @PatchMapping(ApiPaths.V2_APPS)
    ResponseEntity<DeploymentResult> patchAll(@RequestBody JsonNode body, @RequestParam(defaultValue = "false") boolean force) {
        return deployed(HttpStatus.OK, apps.putAll(body, UpdateMode.PARTIAL, true, force));
    }

    @RequestMapping(ApiPaths.V2_APPS + "/**")
    ResponseEntity<?> app(HttpServletRequest request, @RequestBody(required = false) JsonNode body,
                          @RequestParam(defaultValue = "true") boolean partialUpdate,
                          @RequestParam(required = false) String host,
                          @RequestParam(defaultValue = "false") boolean scale,
                          @RequestParam(defaultValue = "false") boolean wipe,
                          @RequestParam(required = false) Boolean force,
                          @RequestParam(required = false) List<String> embed) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        AppPath path = parse(request, method);
        if (scale && wipe) {
            throw ApiException.badRequest("You cannot use scale and wipe at the same time.");
        }
        // Marathon's defaults: DELETE of an app or of .../restart forces, every other change does not
        boolean forced = force != null ? force : method.equals("DELETE") && path.kind() != AppPath.Kind.TASKS
                && path.kind() != AppPath.Kind.TASK;
        return switch (path.kind()) {
            case APP -> switch (method) {
                case "GET" -> ResponseEntity.ok(Map.of("app", app(path.app(), Embed.pacer(embed))));
                case "PUT" -> posted(request, path.app(), put(path.app(), body, partialUpdate, forced));
                case "PATCH" -> posted(request, path.app(), deployed(HttpStatus.OK, apps.patch(path.app(), body, forced)));
                case "DELETE" -> deployed(HttpStatus.OK, apps.delete(path.app(), forced));
                default -> notAllowed(method);
            };
            case GROUP_WILDCARD -> method.equals("GET")
                    ? ResponseEntity.ok(Map.of("*", repository.list(path.app()).stream()
                            .map(a -> withPacer(writer.withLastTaskFailure(writer.appInfo(a, tasks.activeTasks(a.appId()), true), a),
                                    a, Embed.pacer(embed))).toList()))
                    : notAllowed(method);
            case GROUP_WILDCARD_TASKS -> method.equals("GET")
                    ? ResponseEntity.ok(Map.of("tasks", repository.list(path.app()).stream()
                            .flatMap(a -> writer.tasksOf(a, tasks.tasksOf(a.appId()), ServicePorts.ports(a)).stream()).toList()))
                    : notAllowed(method);
            case TASKS -> switch (method) {
                case "GET" -> ResponseEntity.ok(Map.of("tasks", tasksWithServicePorts(path.app())));
                case "DELETE" -> killed(tasks.killTasks(path.app(), host, scale, forced), false);
                default -> notAllowed(method);
            };
            case TASK -> method.equals("DELETE")
                    ? killed(tasks.killTask(path.app(), path.argument(), scale, forced), true)
                    : notAllowed(method);
            case VERSIONS -> method.equals("GET")
                    ? ResponseEntity.ok(Map.of("versions", versions(path.app())))
                    : notAllowed(method);
            case VERSION -> method.equals("GET") ? ResponseEntity.ok(version(path.app(), path.argument(), Embed.pacer(embed)))
                    : notAllowed(method);
            case RESTART -> switch (method) {
                case "POST" -> deployed(HttpStatus.OK, apps.restart(path.app(), forced));
                // Marathon's quirk: DELETE .../restart deletes the app whose id ends in "restart"
                case "DELETE" -> deployed(HttpStatus.OK, apps.delete(path.target(true), forced));
                default -> notAllowed(method);
            };
        };
    }

    private ResponseEntity<?> posted(HttpServletRequest request, AppId id, ResponseEntity<?> response) {
        if (response.getBody() instanceof DeploymentResult result) {
            events.posted(request, id, result.version());
        }
        return response;
    }

    private ResponseEntity<?> put(AppId id, JsonNode body, boolean partialUpdate, boolean force) {
        AppService.Change change = apps.put(id, body, partialUpdate ? UpdateMode.PARTIAL : UpdateMode.FULL, force);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(change.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(DEPLOYMENT_HEADER, change.result().deploymentId());
        if (change.created()) {
            response.location(URI.create(ApiPaths.V2_APPS + id));
        }
        return response.body(change.result());
    }

    private List<Object> tasksWithServicePorts(AppId app) {
        AppDefinition definition = repository.require(app);
        return List.copyOf(writer.tasksOf(definition, tasks.tasksOf(app), ServicePorts.ports(definition)));
    }

    private List<String> versions(AppId app) {
        repository.require(app);
        return repository.versions(app);
    }

    private ObjectNode app(AppId id, boolean pacer) {
        AppDefinition app = repository.require(id);
        return withPacer(writer.withLastTaskFailure(writer.appInfo(app, tasks.activeTasks(id), true,
                deployments.locksOf(List.of(id.toString())).get(id.toString())), app), app, pacer);
    }

    private ObjectNode withPacer(ObjectNode node, AppDefinition app, boolean pacer) {
        return pacer ? definitions.withPacer(node, app) : node;
    }

    private JsonNode version(AppId app, String raw, boolean pacer) {
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

    private ResponseEntity<?> killed(AppTaskService.Killed killed, boolean single) {
        if (killed.scaled() != null) {
            return deployed(HttpStatus.OK, killed.scaled());
        }
        List<Object> json = taskJson(killed.tasks());
        return ResponseEntity.ok(single ? Map.of("task", json.isEmpty() ? Map.of() : json.get(0)) : Map.of("tasks", json));
    }

    private List<Object> taskJson(List<TaskRecord> records) {
        return records.stream().<Object>map(writer::task).toList();
    }

    private static ResponseEntity<DeploymentResult> deployed(HttpStatus status, DeploymentResult result) {
        return ResponseEntity.status(status).header(DEPLOYMENT_HEADER, result.deploymentId()).body(result);
    }

    private static ResponseEntity<?> notAllowed(String method) {
        throw new ApiException(405, dev.pacer.contract.error.ErrorBody.of("Method '" + method + "' is not supported here."));
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

    /**
     * The path after {@code /v2/apps}, read raw by the parser the gateway authorizes with (wire-contract's
     * {@link AppPath}). A path that names no valid app id is a 404 (a 422 for a {@code PUT}, which would
     * create it): never a guess at what was meant.
     */
    private static AppPath parse(HttpServletRequest request, String method) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (!uri.equals(ApiPaths.V2_APPS) && !uri.startsWith(ApiPaths.V2_APPS + "/")) {
            // an encoded spelling of the prefix itself (/v2/app%73/…): the gateway classifies raw paths, so do we
            throw ApiException.notFound("Path '%s' does not exist", uri);
        }
        String rest = uri.substring(ApiPaths.V2_APPS.length());
        try {
            return AppPath.parse(rest);
        } catch (InvalidIdException e) {
            if (method.equals("PUT")) {
                throw ApiException.invalid(List.of(dev.pacer.contract.error.ErrorDetail.of("/id", e.getMessage())));
            }
            throw ApiException.notFound("App '%s' does not exist", rest);
        }
    }
}
