package dev.pacer.scheduler.group;

import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.app.service.AppEdit;
import dev.pacer.scheduler.app.service.AppEdits;
import dev.pacer.scheduler.definition.store.AppRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the content of a group {@code PUT}/{@code POST} body ({@code apps}, {@code groups},
 * {@code dependencies}, nested to any depth) into a {@link GroupChange}: each app given is a new app or
 * replaces the stored one, each stored app or group the body leaves out of a list it gives is removed.
 * Every error is reported at once, in Marathon's paths ({@code /groups(0)/apps(1)/id}).
 */
class GroupBody {

    private final AppRepository apps;
    private final AppEdits appEdits;
    private final GroupStore groups;

    GroupBody(AppRepository apps, AppEdits appEdits, GroupStore groups) {
        this.apps = apps;
        this.appEdits = appEdits;
        this.groups = groups;
    }

    /** What the body does to {@code group}; {@code errors} collects every invalid path. */
    GroupChange read(AppId group, JsonNode body, Timestamp now, List<ErrorDetail> errors) {
        GroupChange change = new GroupChange(new LinkedHashMap<>(), new LinkedHashMap<>(groups.explicit(AppId.ROOT)),
                new HashSet<>());
        apply(group, body, "", now, change, errors);
        return change;
    }

    private void apply(AppId group, JsonNode node, String path, Timestamp now, GroupChange change, List<ErrorDetail> errors) {
        if (node.has("dependencies") || !change.dependencies().containsKey(group)) {
            List<String> dependencies = new ArrayList<>();
            JsonNode given = node.path("dependencies");
            for (int i = 0; i < given.size(); i++) {
                try {
                    dependencies.add(AppId.parse(given.get(i).stringValue(), group).toString());
                } catch (InvalidIdException e) {
                    errors.add(ErrorDetail.of(path + "/dependencies(" + i + ")", e.getMessage()));
                }
            }
            change.dependencies().put(group, dependencies);
        }
        List<AppDefinition> stored = apps.list(group);
        if (node.has("apps")) {
            applyApps(group, node.get("apps"), path, now, stored, change, errors);
        }
        if (node.has("groups")) {
            Set<AppId> given = new HashSet<>();
            JsonNode list = node.get("groups");
            for (int i = 0; i < list.size(); i++) {
                JsonNode sub = list.get(i);
                String at = path + "/groups(" + i + ")";
                Optional<AppId> id = childId(group, sub, at, errors);
                if (id.isPresent()) {
                    given.add(id.get());
                    apply(id.get(), sub, at, now, change, errors);
                }
            }
            Set<AppId> existing = new HashSet<>();
            int depth = group.segments().size();
            stored.forEach(a -> childGroup(group, a.appId(), depth + 2).ifPresent(existing::add));
            groups.explicit(group).keySet().forEach(g -> childGroup(group, g, depth + 1).ifPresent(existing::add));
            for (AppId gone : existing) {
                if (!given.contains(gone)) {
                    change.removedGroups().add(gone);
                    stored.stream().filter(a -> a.appId().isUnder(gone))
                            .forEach(a -> change.edits().put(a.appId(), new AppEdit(a, null)));
                }
            }
        }
    }

    private void applyApps(AppId group, JsonNode list, String path, Timestamp now, List<AppDefinition> stored,
                           GroupChange change, List<ErrorDetail> errors) {
        Set<AppId> given = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = path + "/apps(" + i + ")";
            Optional<AppId> id = childId(group, item, at, errors);
            if (id.isEmpty()) {
                continue;
            }
            // an app read back from the API carries its version: an answer field here, never a rollback
            ObjectNode definition = ((ObjectNode) item.deepCopy()).put("id", id.get().toString());
            definition.remove(List.of("version", "versionInfo"));
            AppEdit edit = appEdits.replacement(id.get(), definition, now);
            errors.addAll(appEdits.validate(edit, at));
            change.edits().put(id.get(), edit);
            given.add(id.get());
        }
        stored.stream().filter(a -> a.appId().parent().equals(group) && !given.contains(a.appId()))
                .forEach(a -> change.edits().put(a.appId(), new AppEdit(a, null)));
    }

    /** The id of an app or group given in {@code group}'s body: relative to it, and directly in it. */
    private static Optional<AppId> childId(AppId group, JsonNode item, String at, List<ErrorDetail> errors) {
        if (!item.hasNonNull("id")) {
            errors.add(ErrorDetail.of(at + "/id", "must be given"));
            return Optional.empty();
        }
        AppId id;
        try {
            id = AppId.parse(item.get("id").stringValue(), group);
        } catch (InvalidIdException e) {
            errors.add(ErrorDetail.of(at + "/id", e.getMessage()));
            return Optional.empty();
        }
        if (!id.parent().equals(group)) {
            errors.add(ErrorDetail.of(at + "/id", "identifier " + item.get("id").asString() + " is not child of "
                    + group + ". Hint: use relative paths."));
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** The direct child group of {@code group} on the way to {@code id}, when {@code id} has at least {@code minDepth} segments. */
    private static Optional<AppId> childGroup(AppId group, AppId id, int minDepth) {
        if (!id.isUnder(group) || id.segments().size() < minDepth) {
            return Optional.empty();
        }
        return Optional.of(new AppId(id.segments().subList(0, group.segments().size() + 1)));
    }
}
