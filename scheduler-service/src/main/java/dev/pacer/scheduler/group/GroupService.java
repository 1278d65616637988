package dev.pacer.scheduler.group;

import dev.pacer.boot.error.ApiException;
import dev.pacer.boot.limits.RequestLimitsProperties;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.app.service.AppDeployments;
import dev.pacer.scheduler.app.service.AppEdit;
import dev.pacer.scheduler.app.service.AppEdits;
import dev.pacer.scheduler.app.service.DeploymentResult;
import dev.pacer.scheduler.definition.BodyRules;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.events.EventLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Marathon's groups (reference §3.2) over per-app state: a group is a prefix of app ids, plus an
 * explicit record when it was created or has dependencies. A group change is one deployment of
 * every app it touches, in dependency order ({@link DeploymentSteps}), and a snapshot of app versions so
 * the group can be rolled back as a whole ({@link GroupVersions}) — while each app keeps its own versions
 * and can be rolled back alone.
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
    private final GroupEvents events;
    private final GroupBody bodies;
    private final GroupVersions versions;

    public GroupService(AppRepository apps, AppEdits appEdits, AppDeployments deployments, GroupStore groups, Clock clock,
                        RequestLimitsProperties limits, EventLog events) {
        this.apps = apps;
        this.appEdits = appEdits;
        this.deployments = deployments;
        this.groups = groups;
        this.clock = clock;
        this.limits = limits;
        this.events = new GroupEvents(events);
        this.bodies = new GroupBody(apps, appEdits, groups);
        this.versions = new GroupVersions(apps, appEdits, groups);
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
        GroupSnapshot snapshot = versions.require(group, version);
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
        boolean contentGiven = body.has("apps") || body.has("groups");
        GroupChange change;
        if (body.hasNonNull("version") && !contentGiven) {
            change = versions.rollback(group, body.get("version").stringValue(), now);
        } else if (body.hasNonNull("scaleBy") && !contentGiven) {
            change = scaled(group, body.get("scaleBy").doubleValue(), now);
        } else {
            List<ErrorDetail> errors = new ArrayList<>();
            change = bodies.read(group, body, now, errors);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
        }
        List<List<AppEdit>> steps = DeploymentSteps.order(change.changes(), change.dependencies());
        if (dryRun) {
            return new Outcome(null, steps);
        }
        DeploymentResult result;
        try {
            result = deployments.commitSteps(steps, now, force, null);
            versions.record(group, now, change);
        } catch (RuntimeException e) {
            events.failed(group, now, e);
            throw e;
        }
        events.changed(group, now);
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
            events.failed(group, now, e);
            throw e;
        }
        events.changed(group, now);
        return result;
    }

    /** {@code scaleBy}: every app below the group scaled by {@code factor}, rounded up. */
    private GroupChange scaled(AppId group, double factor, Timestamp now) {
        if (factor < 0) {
            throw ApiException.invalid(List.of(ErrorDetail.of("/scaleBy", "must be greater than or equal to 0")));
        }
        Map<AppId, List<String>> dependencies = new LinkedHashMap<>(groups.explicit(AppId.ROOT));
        requireExists(group);
        Map<AppId, AppEdit> edits = new LinkedHashMap<>();
        for (AppDefinition app : apps.list(group)) {
            edits.put(app.appId(), appEdits.scaled(app, (int) Math.ceil(app.instances() * factor - 1e-9), now));
        }
        return new GroupChange(edits, dependencies, new HashSet<>());
    }

    private static AppId parseId(String raw, AppId base, String path) {
        try {
            return AppId.parse(raw, base);
        } catch (InvalidIdException e) {
            throw ApiException.invalid(List.of(ErrorDetail.of(path, e.getMessage())));
        }
    }
}
