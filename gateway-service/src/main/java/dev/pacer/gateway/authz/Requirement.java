package dev.pacer.gateway.authz;

import dev.pacer.contract.ids.AppId;
import java.util.List;

/**
 * What a Marathon API request needs, from its method and path alone: an action on the app ids in its
 * path, or on those its body names ({@link BodyTargets}), or nothing but authentication (action
 * null). A list request ({@link ListShape}) is answered with only what the principal may view.
 */
public record Requirement(Action action, List<AppId> targets, BodyTargets body, ListShape list) {

    /** Where, in a write's JSON body, the app ids it touches are. */
    public enum BodyTargets {
        /** Nothing to read: the targets are the path's. */
        NONE,
        /** {@code {"id": "/app"}} ({@code POST /v2/apps}). */
        APP,
        /** {@code [{"id": "/a"}, {"id": "/b"}]} ({@code PUT|PATCH /v2/apps}). */
        APPS,
        /** {@code {"id": "/group", …}}; no id is the root group ({@code POST|PUT /v2/groups}). */
        GROUP,
        /** {@code {"ids": ["<task id>", …]}} ({@code POST /v2/tasks/delete}). */
        TASK_IDS
    }

    /** The shape of a list response to filter. */
    public enum ListShape { NONE, APPS, TASKS, QUEUE, DEPLOYMENTS, GROUP }

    public Requirement {
        targets = List.copyOf(targets);
    }

    static final Requirement OPEN = new Requirement(null, List.of(), BodyTargets.NONE, ListShape.NONE);

    static Requirement on(Action action, AppId... ids) {
        return new Requirement(action, List.of(ids), BodyTargets.NONE, ListShape.NONE);
    }

    static Requirement fromBody(Action action, BodyTargets body) {
        return new Requirement(action, List.of(), body, ListShape.NONE);
    }

    static Requirement list(ListShape shape) {
        return new Requirement(null, List.of(), BodyTargets.NONE, shape);
    }

    /** Needs authentication only. */
    public boolean open() {
        return action == null;
    }
}
