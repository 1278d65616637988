package dev.pacer.gateway.authz;

import dev.pacer.contract.ids.AppId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one principal may do, resolved once from the rules: per action, the prefixes it covers (app
 * ids and secret paths alike). A check is a prefix comparison in memory; nothing is called per app.
 */
public final class Grants {

    /** Everything, everywhere: the bootstrap admin, every request when security is off or no rule exists. */
    public static final Grants ALL = all();

    private final Map<Action, List<AppId>> prefixes;
    private final Map<Action, Boolean> everywhere;

    Grants(Map<Action, List<AppId>> prefixes) {
        this.prefixes = new EnumMap<>(Action.class);
        this.everywhere = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            List<AppId> list = List.copyOf(prefixes.getOrDefault(action, List.of()));
            this.prefixes.put(action, list);
            this.everywhere.put(action, list.stream().anyMatch(AppId::isRoot));
        }
    }

    private static Grants all() {
        Map<Action, List<AppId>> map = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            map.put(action, List.of(AppId.ROOT));
        }
        return new Grants(map);
    }

    /** Whether the action is allowed on the app (or group) id. */
    public boolean allows(Action action, AppId id) {
        return allows(action, Resource.of(id));
    }

    /** Whether the action is allowed on the resource (an app, a group, a secret path). */
    public boolean allows(Action action, Resource resource) {
        if (everywhere.get(action)) {
            return true;
        }
        for (AppId prefix : prefixes.get(action)) {
            if (resource.isUnder(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the action is allowed on every app: lists need no filtering then. */
    public boolean everywhere(Action action) {
        return everywhere.get(action);
    }

    /** Whether {@code group} leads towards something viewable (an ancestor of a view prefix). */
    public boolean leadsToViewable(AppId group) {
        for (AppId prefix : prefixes.get(Action.VIEW)) {
            if (prefix.isUnder(group)) {
                return true;
            }
        }
        return false;
    }

    static Map<Action, List<AppId>> emptyMap() {
        Map<Action, List<AppId>> map = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            map.put(action, new ArrayList<>());
        }
        return map;
    }
}
