package dev.pacer.scheduler.group;

import java.util.List;
import java.util.Map;

/**
 * A group as it was at one version, by reference: the version of every app in it and the
 * dependencies of its groups. Small whatever the apps look like.
 *
 * @param apps          app id → app version
 * @param groups        ids of the explicit groups in it (itself included)
 * @param dependencies  group id → the ids it depends on
 */
record GroupSnapshot(String id, String version, Map<String, String> apps, List<String> groups,
                            Map<String, List<String>> dependencies) {

    public GroupSnapshot {
        apps = Map.copyOf(apps);
        groups = List.copyOf(groups);
        dependencies = Map.copyOf(dependencies);
    }
}
