package dev.pacer.scheduler.group;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.app.service.AppEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Orders the edits of one group change into deployment steps: stops first, then the apps in
 * dependency order — an app starts only in a step after every changed app it depends on (directly,
 * or through a dependency of one of its groups). Dependencies on apps that do not change are met.
 */
final class DeploymentSteps {

    private DeploymentSteps() {
    }

    /**
     * @param groupDependencies group id → the app or group ids it depends on (absolute)
     */
    static List<List<AppEdit>> order(List<AppEdit> edits, Map<AppId, List<String>> groupDependencies) {
        List<AppEdit> stops = edits.stream().filter(e -> e.after() == null).toList();
        Map<AppId, AppEdit> changed = new HashMap<>();
        edits.stream().filter(e -> e.after() != null).forEach(e -> changed.put(e.app(), e));
        Map<AppId, Integer> levels = new HashMap<>();
        for (AppId app : changed.keySet()) {
            level(app, changed, groupDependencies, levels, new HashSet<>());
        }
        List<List<AppEdit>> steps = new ArrayList<>();
        if (!stops.isEmpty()) {
            steps.add(stops);
        }
        TreeMap<Integer, List<AppEdit>> byLevel = new TreeMap<>();
        levels.forEach((app, level) -> byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(changed.get(app)));
        byLevel.values().forEach(step -> {
            step.sort(Comparator.comparing(e -> e.app().toString()));
            steps.add(step);
        });
        return steps;
    }

    private static int level(AppId app, Map<AppId, AppEdit> changed, Map<AppId, List<String>> groupDependencies,
                             Map<AppId, Integer> levels, Set<AppId> visiting) {
        Integer known = levels.get(app);
        if (known != null) {
            return known;
        }
        if (!visiting.add(app)) {
            throw ApiException.invalid(List.of(ErrorDetail.of("/",
                    "Dependency graph has cyclic dependencies.")));
        }
        int level = 0;
        for (AppId dependency : dependenciesOf(app, changed.get(app), groupDependencies)) {
            for (AppId other : changed.keySet()) {
                if (!other.equals(app) && other.isUnder(dependency) && !app.isUnder(dependency)) {
                    level = Math.max(level, level(other, changed, groupDependencies, levels, visiting) + 1);
                }
            }
        }
        visiting.remove(app);
        levels.put(app, level);
        return level;
    }

    private static List<AppId> dependenciesOf(AppId app, AppEdit edit, Map<AppId, List<String>> groupDependencies) {
        List<AppId> dependencies = new ArrayList<>();
        if (edit.after().dependencies() != null) {
            edit.after().dependencies().forEach(d -> dependencies.add(AppId.parse(d)));
        }
        for (AppId group = app.parent(); ; group = group.parent()) {
            for (String d : groupDependencies.getOrDefault(group, List.of())) {
                dependencies.add(AppId.parse(d, group));
            }
            if (group.isRoot()) {
                break;
            }
        }
        return dependencies;
    }
}
