package dev.pacer.scheduler.group;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.app.service.AppEdit;
import dev.pacer.scheduler.app.service.AppEdits;
import dev.pacer.scheduler.definition.store.AppRepository;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A group's versions: after each change its explicit groups and a {@link GroupSnapshot} of every app's
 * version are recorded, and a rollback takes the apps back to the versions of a snapshot — the group as a
 * whole, while each app keeps its own versions.
 */
class GroupVersions {

    private final AppRepository apps;
    private final AppEdits appEdits;
    private final GroupStore groups;

    GroupVersions(AppRepository apps, AppEdits appEdits, GroupStore groups) {
        this.apps = apps;
        this.appEdits = appEdits;
        this.groups = groups;
    }

    /** The snapshot of {@code group} at {@code version}; 404 when there is none. */
    GroupSnapshot require(AppId group, String version) {
        return groups.version(group, version).orElseThrow(() ->
                ApiException.notFound("Group '%s' does not exist in version %s", group, version));
    }

    /** Takes every app of the group back to its version in the snapshot; apps added since are removed. */
    GroupChange rollback(AppId group, String version, Timestamp now) {
        Map<AppId, AppEdit> edits = new LinkedHashMap<>();
        Map<AppId, List<String>> dependencies = new LinkedHashMap<>(groups.explicit(AppId.ROOT));
        GroupSnapshot snapshot = require(group, version);
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
        snapshot.dependencies().forEach((g, d) -> dependencies.put(AppId.parse(g), d));
        return new GroupChange(edits, dependencies, new HashSet<>());
    }

    /**
     * Records a change once its deployment started: removed groups forgotten, the explicit groups under
     * {@code group} saved with their dependencies, and a new version of the group.
     */
    void record(AppId group, Timestamp now, GroupChange change) {
        change.removedGroups().forEach(groups::deleteUnder);
        change.dependencies().forEach((id, dependencies) -> {
            if (id.isUnder(group) && !change.removedGroups().stream().anyMatch(id::isUnder)) {
                groups.save(id, dependencies);
            }
        });
        groups.saveVersion(snapshot(group, now, change));
    }

    /** What the group holds after the change: every app's version, by reference. */
    private GroupSnapshot snapshot(AppId group, Timestamp now, GroupChange change) {
        Map<String, String> versions = new LinkedHashMap<>();
        apps.list(group).forEach(a -> versions.put(a.id(), a.version().toString()));
        change.edits().values().forEach(e -> {
            if (e.after() == null) {
                versions.remove(e.app().toString());
            } else if (!e.isNoop()) {
                versions.put(e.app().toString(), e.after().version().toString());
            }
        });
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        change.dependencies().forEach((id, d) -> {
            if (id.isUnder(group)) {
                dependencies.put(id.toString(), d);
            }
        });
        return new GroupSnapshot(group.toString(), now.toString(), versions, List.copyOf(dependencies.keySet()), dependencies);
    }
}
