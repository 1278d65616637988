package dev.pacer.scheduler.group;

import dev.pacer.boot.error.ApiException;
import dev.pacer.boot.limits.RequestLimitsProperties;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.app.definition.BodyRules;
import dev.pacer.scheduler.app.service.AppDeployments;
import dev.pacer.scheduler.app.service.AppEdit;
import dev.pacer.scheduler.app.service.AppEdits;
import dev.pacer.scheduler.app.service.AppRepository;
import dev.pacer.scheduler.app.service.DeploymentResult;
import dev.pacer.scheduler.events.EventLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Marathon's groups (reference §3.2) over per-app state: a group is a prefix of app ids, plus an
 * explicit record when it was created or has dependencies. A group change is one deployment of
 * every app it touches, in dependency order, and a snapshot of app versions so the group can be
 * rolled back as a whole — while each app keeps its own versions and can be rolled back alone.
 */
public class GroupService {

    /** What a group PUT or POST produces: the deployment, or with {@code dryRun} only its steps. */
    public record Outcome(DeploymentResult result, List<List<AppEdit>> steps) {
    }

    private final AppRepository apps;
    private final AppEdits appEdits;
    private final AppDeployments deployments;
    private final GroupStore groups;
    private final Clock clock;
    private final RequestLimitsProperties limits;
    private final EventLog events;

    public GroupService(AppRepository apps, AppEdits appEdits, AppDeployments deployments, GroupStore groups, Clock clock,
                        RequestLimitsProperties limits, EventLog events) {
        this.events = events;
        this.apps = apps;
        this.appEdits = appEdits;
        this.deployments = deployments;
        this.groups = groups;
        this.clock = clock;
        this.limits = limits;
    }

    public boolean exists(AppId group) {
        return group.isRoot() || !apps.list(group).isEmpty() || groups.explicit(group).containsKey(group);
    }

    public void requireExists(AppId group) {
        ApiException.checkFound(exists(group), "Group '%s' does not exist", group);
    }

    /** The group with its apps and groups, as stored now. */
    public GroupTree tree(AppId group) {
        requireExists(group);
        return GroupTree.of(group, apps.list(group), groups.explicit(group), groups.versions(group).stream().findFirst());
    }

    /** The group as it was at {@code version}: the app definitions of that snapshot. */
    public GroupTree tree(AppId group, String version) {
        GroupSnapshot snapshot = groups.version(group, version).orElseThrow(() ->
                ApiException.notFound("Group '%s' does not exist in version %s", group, version));
        List<AppDefinition> then = new ArrayList<>();
        snapshot.apps().forEach((id, v) -> apps.version(AppId.parse(id), Timestamp.parse(v)).ifPresent(then::add));
        Map<AppId, List<String>> explicit = new LinkedHashMap<>();
        snapshot.groups().forEach(g -> explicit.put(AppId.parse(g), snapshot.dependencies().getOrDefault(g, List.of())));
        return GroupTree.of(group, then, explicit, Optional.of(version));
    }

    public List<String> versions(AppId group) {
        requireExists(group);
        return groups.versions(group);
    }

    /** {@code POST /v2/groups}: creates a group that does not exist yet. */
    public Outcome create(AppId base, JsonNode body, boolean force) {
        BodyRules.checkGroup(body, limits);
        AppId id = body.hasNonNull("id") ? parseId(body.get("id").stringValue(), base, "/id") : base;
        ApiException.checkConflict(!exists(id) || id.isRoot() && apps.list(AppId.ROOT).isEmpty(),
                "Group %s is already created. Use PUT to change this group.", id);
        return update(id, body, force, false);
    }

    /** {@code PUT /v2/groups/{id}}: rollback ({@code version}), scale ({@code scaleBy}) or new content. */
    public Outcome update(AppId group, JsonNode body, boolean force, boolean dryRun) {
        BodyRules.checkGroup(body, limits);
        BodyRules.checkIdLength(group.toString(), "/id", limits);
        Timestamp now = Timestamp.now(clock);
        Map<AppId, AppEdit> edits = new LinkedHashMap<>();
        Map<AppId, List<String>> groupDependencies = new LinkedHashMap<>(groups.explicit(AppId.ROOT));
        Set<AppId> removedGroups = new HashSet<>();
        boolean contentGiven = body.has("apps") || body.has("groups");
        if (body.hasNonNull("version") && !contentGiven) {
            rollback(group, body.get("version").stringValue(), now, edits, groupDependencies);
        } else if (body.hasNonNull("scaleBy") && !contentGiven) {
            double factor = body.get("scaleBy").doubleValue();
            if (factor < 0) {
                throw ApiException.invalid(List.of(ErrorDetail.of("/scaleBy", "must be greater than or equal to 0")));
            }
            requireExists(group);
            for (AppDefinition app : apps.list(group)) {
                edits.put(app.appId(), appEdits.scaled(app, (int) Math.ceil(app.instances() * factor - 1e-9), now));
            }
        } else {
            List<ErrorDetail> errors = new ArrayList<>();
            apply(group, body, "", now, edits, groupDependencies, removedGroups, errors);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
        }
        List<AppEdit> changes = edits.values().stream().filter(e -> !e.isNoop()).toList();
        List<List<AppEdit>> steps = DeploymentSteps.order(changes, groupDependencies);
        if (dryRun) {
            return new Outcome(null, steps);
        }
        DeploymentResult result;
        try {
            result = deployments.commitSteps(steps, now, force, null);
            removedGroups.forEach(groups::deleteUnder);
            groupDependencies.forEach((id, dependencies) -> {
                if (id.isUnder(group) && !removedGroups.stream().anyMatch(id::isUnder)) {
                    groups.save(id, dependencies);
                }
            });
            groups.saveVersion(snapshot(group, now, edits, groupDependencies));
        } catch (RuntimeException e) {
            failed(group, now, e);
            throw e;
        }
        changed(group, now);
        return new Outcome(result, steps);
    }

    /** {@code DELETE /v2/groups/{id}}: stops every app below the group and forgets its groups. */
    public DeploymentResult delete(AppId group, boolean force) {
        requireExists(group);
        Timestamp now = Timestamp.now(clock);
        List<AppEdit> stops = apps.list(group).stream().map(app -> new AppEdit(app, null)).toList();
        DeploymentResult result;
        try {
            result = deployments.commitSteps(stops.isEmpty() ? List.of() : List.of(stops), now, force, null);
            groups.deleteUnder(group);
        } catch (RuntimeException e) {
            failed(group, now, e);
            throw e;
        }
        changed(group, now);
        return result;
    }

    /** Marathon's {@code group_change_success}: the group and the version of the change. */
    private void changed(AppId group, Timestamp version) {
        events.append("group_change_success", java.util.Map.of("groupId", group.toString(), "version", version.toString()),
                List.of(group.toString()));
    }

    /**
     * Marathon's {@code group_change_failed}: a valid change that could not be made (a deployment holds one
     * of its apps, or a write failed); {@code reason} is the answer's message.
     */
    private void failed(AppId group, Timestamp version, RuntimeException e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("groupId", group.toString());
        event.put("version", version.toString());
        event.put("reason", reason(e));
        events.append("group_change_failed", event, List.of(group.toString()));
    }

    /** The message the client is answered with; an unexpected failure is named by its type only (no internals). */
    private static String reason(RuntimeException e) {
        String message = e instanceof ApiException ? e.getMessage() : null;
        String reason = message != null ? message : "group change failed: " + e.getClass().getSimpleName();
        return reason.length() > 1024 ? reason.substring(0, 1024) : reason;
    }

    private void apply(AppId group, JsonNode node, String path, Timestamp now, Map<AppId, AppEdit> edits,
                       Map<AppId, List<String>> groupDependencies, Set<AppId> removedGroups, List<ErrorDetail> errors) {
        if (node.has("dependencies") || !groupDependencies.containsKey(group)) {
            List<String> dependencies = new ArrayList<>();
            JsonNode given = node.path("dependencies");
            for (int i = 0; i < given.size(); i++) {
                try {
                    dependencies.add(AppId.parse(given.get(i).stringValue(), group).toString());
                } catch (InvalidIdException e) {
                    errors.add(ErrorDetail.of(path + "/dependencies(" + i + ")", e.getMessage()));
                }
            }
            groupDependencies.put(group, dependencies);
        }
        List<AppDefinition> stored = apps.list(group);
        if (node.has("apps")) {
            Set<AppId> given = new HashSet<>();
            JsonNode list = node.get("apps");
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                String at = path + "/apps(" + i + ")";
                if (!item.hasNonNull("id")) {
                    errors.add(ErrorDetail.of(at + "/id", "must be given"));
                    continue;
                }
                AppId id;
                try {
                    id = AppId.parse(item.get("id").stringValue(), group);
                } catch (InvalidIdException e) {
                    errors.add(ErrorDetail.of(at + "/id", e.getMessage()));
                    continue;
                }
                if (!id.parent().equals(group)) {
                    errors.add(ErrorDetail.of(at + "/id", "identifier " + item.get("id").asString() + " is not child of "
                            + group + ". Hint: use relative paths."));
                    continue;
                }
                // an app read back from the API carries its version: an answer field here, never a rollback
                ObjectNode definition = ((ObjectNode) item.deepCopy()).put("id", id.toString());
                definition.remove(List.of("version", "versionInfo"));
                AppEdit edit = appEdits.replacement(id, definition, now);
                errors.addAll(appEdits.validate(edit, at));
                edits.put(id, edit);
                given.add(id);
            }
            stored.stream().filter(a -> a.appId().parent().equals(group) && !given.contains(a.appId()))
                    .forEach(a -> edits.put(a.appId(), new AppEdit(a, null)));
        }
        if (node.has("groups")) {
            Set<AppId> given = new HashSet<>();
            JsonNode list = node.get("groups");
            for (int i = 0; i < list.size(); i++) {
                JsonNode sub = list.get(i);
                String at = path + "/groups(" + i + ")";
                if (!sub.hasNonNull("id")) {
                    errors.add(ErrorDetail.of(at + "/id", "must be given"));
                    continue;
                }
                AppId id;
                try {
                    id = AppId.parse(sub.get("id").stringValue(), group);
                } catch (InvalidIdException e) {
                    errors.add(ErrorDetail.of(at + "/id", e.getMessage()));
                    continue;
                }
                if (!id.parent().equals(group)) {
                    errors.add(ErrorDetail.of(at + "/id", "identifier " + sub.get("id").asString() + " is not child of "
                            + group + ". Hint: use relative paths."));
                    continue;
                }
                given.add(id);
                apply(id, sub, at, now, edits, groupDependencies, removedGroups, errors);
            }
            Set<AppId> existing = new HashSet<>();
            int depth = group.segments().size();
            stored.forEach(a -> childGroup(group, a.appId(), depth + 2).ifPresent(existing::add));
            groups.explicit(group).keySet().forEach(g -> childGroup(group, g, depth + 1).ifPresent(existing::add));
            for (AppId gone : existing) {
                if (!given.contains(gone)) {
                    removedGroups.add(gone);
                    stored.stream().filter(a -> a.appId().isUnder(gone)).forEach(a -> edits.put(a.appId(), new AppEdit(a, null)));
                }
            }
        }
    }

    private void rollback(AppId group, String version, Timestamp now, Map<AppId, AppEdit> edits,
                          Map<AppId, List<String>> groupDependencies) {
        GroupSnapshot snapshot = groups.version(group, version).orElseThrow(() ->
                ApiException.notFound("Group '%s' does not exist in version %s", group, version));
        for (Map.Entry<String, String> entry : snapshot.apps().entrySet()) {
            AppId id = AppId.parse(entry.getKey());
            Optional<AppDefinition> current = apps.find(id);
            if (current.isPresent() && current.get().version().toString().equals(entry.getValue())) {
                continue;
            }
            apps.version(id, Timestamp.parse(entry.getValue()))
                    .ifPresent(old -> edits.put(id, appEdits.restored(current.orElse(null), old, now)));
        }
        apps.list(group).stream().filter(a -> !snapshot.apps().containsKey(a.id()))
                .forEach(a -> edits.put(a.appId(), new AppEdit(a, null)));
        snapshot.dependencies().forEach((g, d) -> groupDependencies.put(AppId.parse(g), d));
    }

    /** What the group holds after the change: every app's version, by reference. */
    private GroupSnapshot snapshot(AppId group, Timestamp now, Map<AppId, AppEdit> edits, Map<AppId, List<String>> groupDependencies) {
        Map<String, String> versions = new LinkedHashMap<>();
        apps.list(group).forEach(a -> versions.put(a.id(), a.version().toString()));
        edits.values().forEach(e -> {
            if (e.after() == null) {
                versions.remove(e.app().toString());
            } else if (!e.isNoop()) {
                versions.put(e.app().toString(), e.after().version().toString());
            }
        });
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        groupDependencies.forEach((id, d) -> {
            if (id.isUnder(group)) {
                dependencies.put(id.toString(), d);
            }
        });
        return new GroupSnapshot(group.toString(), now.toString(), versions, List.copyOf(dependencies.keySet()), dependencies);
    }

    /** The direct child group of {@code group} on the way to {@code id}, when {@code id} has at least {@code minDepth} segments. */
    private static Optional<AppId> childGroup(AppId group, AppId id, int minDepth) {
        if (!id.isUnder(group) || id.segments().size() < minDepth) {
            return Optional.empty();
        }
        return Optional.of(new AppId(id.segments().subList(0, group.segments().size() + 1)));
    }

    private static AppId parseId(String raw, AppId base, String path) {
        try {
            return AppId.parse(raw, base);
        } catch (InvalidIdException e) {
            throw ApiException.invalid(List.of(ErrorDetail.of(path, e.getMessage())));
        }
    }
}
