package dev.pacer.scheduler.group;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A group and everything below it, built in one pass from the apps under its id and the explicit
 * groups: every ancestor of an app up to the group is a group.
 */
public record GroupTree(AppId id, List<AppDefinition> apps, List<GroupTree> groups, List<String> dependencies,
                        Optional<String> version) {

    static GroupTree of(AppId root, List<AppDefinition> apps, Map<AppId, List<String>> explicit, Optional<String> rootVersion) {
        TreeSet<AppId> ids = new TreeSet<>(Comparator.comparing(AppId::toString));
        ids.add(root);
        apps.forEach(a -> addAncestors(ids, a.appId().parent(), root));
        explicit.keySet().stream().filter(g -> g.isUnder(root)).forEach(g -> addAncestors(ids, g, root));
        Map<AppId, List<AppDefinition>> appsByGroup = new TreeMap<>(Comparator.comparing(AppId::toString));
        apps.stream().filter(a -> a.appId().isUnder(root)).forEach(a -> appsByGroup.computeIfAbsent(a.appId().parent(), g -> new ArrayList<>()).add(a));
        return build(root, ids, appsByGroup, explicit, rootVersion);
    }

    private static void addAncestors(TreeSet<AppId> ids, AppId group, AppId root) {
        for (AppId g = group; g.isUnder(root) && ids.add(g) && !g.equals(root); g = g.parent()) {
            // walk up until a known group
        }
    }

    private static GroupTree build(AppId id, TreeSet<AppId> ids, Map<AppId, List<AppDefinition>> appsByGroup,
                                   Map<AppId, List<String>> explicit, Optional<String> version) {
        List<GroupTree> children = new ArrayList<>();
        for (AppId other : ids) {
            if (!other.isRoot() && !other.equals(id) && other.parent().equals(id)) {
                children.add(build(other, ids, appsByGroup, explicit, Optional.empty()));
            }
        }
        List<AppDefinition> own = appsByGroup.getOrDefault(id, List.of());
        Optional<String> newest = version.isPresent() ? version : own.stream().map(a -> a.version().toString()).max(String::compareTo);
        return new GroupTree(id, own, children, explicit.getOrDefault(id, List.of()), newest);
    }
}
