package dev.pacer.scheduler.app.web;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.AppPath;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.MarathonTask;
import dev.pacer.scheduler.app.service.AppService;
import dev.pacer.scheduler.app.service.AppTaskService;
import dev.pacer.scheduler.app.service.DeploymentResult;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.UpdateMode;
import dev.pacer.scheduler.events.EventLog;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v2/apps} and everything below it. Ids may contain {@code /} and arrive as {@code //id}
 * from the Marathon Java client, so the part after {@code /v2/apps} is parsed by {@link AppPath}
 * rather than by path variables. Changes go to {@link AppService} and {@link AppTaskService}; the JSON of
 * reads comes from {@link AppViews}.
 */
@RestController
class AppsController {

    static final String DEPLOYMENT_HEADER = "Marathon-Deployment-Id";

    private final AppService apps;
    private final AppTaskService tasks;
    private final AppViews views;
    private final ApiPostEvents events;

    AppsController(AppService apps, AppTaskService tasks, AppViews views, EventLog eventLog) {
        this.apps = apps;
        this.tasks = tasks;
        this.views = views;
        this.events = new ApiPostEvents(eventLog);
    }

    @GetMapping(ApiPaths.V2_APPS)
    ObjectNode list(@RequestParam(required = false) String cmd, @RequestParam(required = false) String id,
                    @RequestParam(required = false) String label, @RequestParam(required = false) List<String> embed) {
        return views.list(cmd, id, label, embed);
    }

    @PostMapping(ApiPaths.V2_APPS)
    ResponseEntity<ObjectNode> create(HttpServletRequest request, @RequestBody JsonNode body,
                                      @RequestParam(defaultValue = "false") boolean force,
                                      @RequestParam(required = false) List<String> embed) {
        AppService.Change change = apps.create(body, force);
        events.posted(request, change.app().appId(), change.result().version());
        // the pacer object is echoed to a client that sent it (or asks for it)
        boolean pacer = Embed.pacer(embed) || body.isObject() && body.has(AppDefinitions.PACER);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(ApiPaths.V2_APPS + change.app().appId()))
                .header(DEPLOYMENT_HEADER, change.result().deploymentId())
                .body(views.created(change.app(), change.result().deploymentId(), pacer));
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
                case "GET" -> ResponseEntity.ok(Map.of("app", views.app(path.app(), Embed.pacer(embed))));
                case "PUT" -> posted(request, path.app(), put(path.app(), body, partialUpdate, forced));
                case "PATCH" -> posted(request, path.app(), deployed(HttpStatus.OK, apps.patch(path.app(), body, forced)));
                case "DELETE" -> deployed(HttpStatus.OK, apps.delete(path.app(), forced));
                default -> notAllowed(method);
            };
            case GROUP_WILDCARD -> method.equals("GET")
                    ? ResponseEntity.ok(Map.of("*", views.appsUnder(path.app(), Embed.pacer(embed))))
                    : notAllowed(method);
            case GROUP_WILDCARD_TASKS -> method.equals("GET")
                    ? ResponseEntity.ok(Map.of("tasks", views.tasksUnder(path.app())))
                    : notAllowed(method);
            case TASKS -> switch (method) {
                case "GET" -> ResponseEntity.ok(Map.of("tasks", views.tasksOf(path.app())));
                case "DELETE" -> killed(tasks.killTasks(path.app(), host, scale, forced), false);
                default -> notAllowed(method);
            };
            case TASK -> method.equals("DELETE")
                    ? killed(tasks.killTask(path.app(), path.argument(), scale, forced), true)
                    : notAllowed(method);
            case VERSIONS -> method.equals("GET")
                    ? ResponseEntity.ok(Map.of("versions", views.versions(path.app())))
                    : notAllowed(method);
            case VERSION -> method.equals("GET") ? ResponseEntity.ok(views.version(path.app(), path.argument(), Embed.pacer(embed)))
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

    private ResponseEntity<?> killed(AppTaskService.Killed killed, boolean single) {
        if (killed.scaled() != null) {
            return deployed(HttpStatus.OK, killed.scaled());
        }
        List<MarathonTask> json = views.tasks(killed.tasks());
        return ResponseEntity.ok(single ? Map.of("task", json.isEmpty() ? Map.of() : json.get(0)) : Map.of("tasks", json));
    }

    private static ResponseEntity<DeploymentResult> deployed(HttpStatus status, DeploymentResult result) {
        return ResponseEntity.status(status).header(DEPLOYMENT_HEADER, result.deploymentId()).body(result);
    }

    private static ResponseEntity<?> notAllowed(String method) {
        throw new ApiException(405, ErrorBody.of("Method '" + method + "' is not supported here."));
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
                throw ApiException.invalid(List.of(ErrorDetail.of("/id", e.getMessage())));
            }
            throw ApiException.notFound("App '%s' does not exist", rest);
        }
    }
}
