package dev.pacer.scheduler.group.web;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.GroupPath;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.app.service.AppEdit;
import dev.pacer.scheduler.app.service.DeploymentResult;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.group.GroupService;
import dev.pacer.scheduler.group.GroupTree;
import dev.pacer.scheduler.web.Embed;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v2/groups} and below (reference §3.2). Like apps, ids arrive as {@code //id} from the Java
 * client, so the path after {@code /v2/groups} is parsed here: {@code {id}}, {@code {id}/versions},
 * {@code {id}/versions/{version}}, {@code {id}/apps}.
 */
@RestController
class GroupsController {

    private final GroupService groups;
    private final AppDefinitions definitions;
    private final JsonMapper json;
    private final GroupAppInfos infos;

    GroupsController(GroupService groups, AppDefinitions definitions, JsonMapper json, GroupAppInfos infos) {
        this.groups = groups;
        this.definitions = definitions;
        this.json = json;
        this.infos = infos;
    }

    @RequestMapping({ApiPaths.V2_GROUPS, ApiPaths.V2_GROUPS + "/**"})
    ResponseEntity<?> groups(HttpServletRequest request, @RequestBody(required = false) JsonNode body,
                             @RequestParam(defaultValue = "false") boolean force,
                             @RequestParam(defaultValue = "false") boolean dryRun,
                             @RequestParam(required = false) List<String> embed) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        GroupPath path = parse(request, method);
        AppId id = path.group();
        String version = path.kind() == GroupPath.Kind.VERSION ? path.version() : null;
        boolean versions = path.kind() == GroupPath.Kind.VERSIONS;
        boolean appsOnly = path.kind() == GroupPath.Kind.APPS;
        switch (method) {
            case "GET" -> {
                if (versions) {
                    return ResponseEntity.ok(groups.versions(id));
                }
                if (appsOnly) {
                    GroupTree tree = groups.tree(id);
                    List<Object> all = new ArrayList<>();
                    collectApps(tree, all, Embed.pacer(embed));
                    return ResponseEntity.ok(all);
                }
                GroupTree tree = version != null ? groups.tree(id, version) : groups.tree(id);
                return ResponseEntity.ok(write(tree, embed));
            }
            case "POST" -> {
                GroupService.Outcome created = groups.create(id, body, force);
                return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(ApiPaths.V2_GROUPS + id))
                        .header("Marathon-Deployment-Id", created.result().deploymentId()).body(created.result());
            }
            case "PUT" -> {
                GroupService.Outcome outcome = groups.update(id, body, force, dryRun);
                if (dryRun) {
                    return ResponseEntity.ok(Map.of("steps", steps(outcome.steps())));
                }
                return deployed(outcome.result());
            }
            case "DELETE" -> {
                return deployed(groups.delete(id, force));
            }
            case "PATCH" -> {
                groups.requireExists(id);
                return ResponseEntity.ok().build();
            }
            default -> throw new ApiException(405, ErrorBody.of("Method '" + method + "' is not supported here."));
        }
    }

    /**
     * Marathon's group embeds: none = groups, apps and pods; {@code group.groups}, {@code group.apps},
     * {@code group.pods}; {@code group.apps.counts|deployments|tasks|failures|lastTaskFailure} write the apps as
     * AppInfo (counts and deployments; tasks for {@code tasks}/{@code failures}), read in one pass for the tree.
     */
    private ObjectNode write(GroupTree tree, List<String> embed) {
        List<String> marathon = embed == null ? List.of() : embed.stream().filter(e -> !Embed.pacer(List.of(e))).toList();
        boolean all = marathon.isEmpty();
        boolean withApps = all || marathon.stream().anyMatch(e -> e.startsWith("group.apps"));
        boolean withGroups = all || marathon.stream().anyMatch(e -> e.startsWith("group.groups"));
        List<String> appEmbeds = marathon.stream().filter(e -> e.startsWith("group.apps.")).map(e -> e.substring(11)).toList();
        Map<String, ObjectNode> appInfos = appEmbeds.isEmpty() ? Map.of()
                : infos.of(tree, appEmbeds.contains("tasks") || appEmbeds.contains("failures"));
        return write(tree, withApps, withGroups, Embed.pacer(embed), appInfos);
    }

    private ObjectNode write(GroupTree tree, boolean withApps, boolean withGroups, boolean pacer,
                             Map<String, ObjectNode> appInfos) {
        ObjectNode node = json.createObjectNode();
        node.put("id", tree.id().toString());
        ArrayNode apps = node.putArray("apps");
        if (withApps) {
            tree.apps().forEach(app -> {
                ObjectNode info = appInfos.get(app.id());
                apps.add(info == null ? definitions.write(app, pacer) : pacer ? definitions.withPacer(info, app) : info);
            });
        }
        ArrayNode children = node.putArray("groups");
        if (withGroups) {
            tree.groups().forEach(g -> children.add(write(g, withApps, withGroups, pacer, appInfos)));
        }
        node.putArray("pods");
        ArrayNode dependencies = node.putArray("dependencies");
        tree.dependencies().forEach(dependencies::add);
        // Marathon writes every group's version: its snapshot's, else the newest version of an app below it
        tree.version().or(() -> newestAppVersion(tree)).ifPresent(v -> node.put("version", v));
        return node;
    }

    private static Optional<String> newestAppVersion(GroupTree tree) {
        Optional<Timestamp> own = tree.apps().stream()
                .map(AppDefinition::version).filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
        Optional<String> below = tree.groups().stream().map(GroupsController::newestAppVersion).flatMap(Optional::stream)
                .max(Comparator.comparing(Timestamp::parse));
        if (own.isEmpty()) {
            return below;
        }
        return below.isPresent() && Timestamp.parse(below.get()).compareTo(own.get()) > 0
                ? below : own.map(Object::toString);
    }

    private void collectApps(GroupTree tree, List<Object> into, boolean pacer) {
        tree.apps().forEach(app -> into.add(definitions.write(app, pacer)));
        tree.groups().forEach(g -> collectApps(g, into, pacer));
    }

    static List<Object> steps(List<List<AppEdit>> steps) {
        List<Object> json = new ArrayList<>();
        for (List<AppEdit> step : steps) {
            List<Object> actions = step.stream().<Object>map(e -> {
                String action = e.action().action().name();
                return Map.of("action", action, "app", e.app().toString());
            }).toList();
            json.add(Map.of("actions", actions));
        }
        return json;
    }

    private static ResponseEntity<DeploymentResult> deployed(DeploymentResult result) {
        return ResponseEntity.ok().header("Marathon-Deployment-Id", result.deploymentId()).body(result);
    }

    /** The path after {@code /v2/groups}, read raw by the parser the gateway authorizes with ({@link GroupPath}). */
    private static GroupPath parse(HttpServletRequest request, String method) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (!uri.equals(ApiPaths.V2_GROUPS) && !uri.startsWith(ApiPaths.V2_GROUPS + "/")) {
            // an encoded spelling of the prefix itself (/v2/app%73/…): the gateway classifies raw paths, so do we
            throw ApiException.notFound("Path '%s' does not exist", uri);
        }
        String rest = uri.substring(ApiPaths.V2_GROUPS.length());
        try {
            return GroupPath.parse(rest, method.equals("GET") || method.equals("HEAD"));
        } catch (InvalidIdException e) {
            throw ApiException.notFound("Group '%s' does not exist", rest.isEmpty() ? "/" : rest);
        }
    }
}
