package dev.pacer.gateway.authz;

import dev.pacer.contract.ids.AppId;
import java.util.Arrays;
import java.util.List;

/**
 * What a control-plane request needs, from its method and raw path alone. Every request gets one on
 * purpose (there is no "reads are open" default):
 * <ul>
 *   <li>{@link Kind#AUTHENTICATED}: any authenticated principal ({@code /v2/info}, {@code /v2/leader});</li>
 *   <li>{@link Kind#UNREADABLE}: the path names an id that does not parse: refused, never guessed at;</li>
 *   <li>{@link Kind#PATH}: {@code action} on every one of {@code targets};</li>
 *   <li>{@link Kind#BODY}: {@code action} on {@code targets} and on every id the JSON body creates or
 *       changes ({@link BodyShape}, relative ids resolved against {@code base});</li>
 *   <li>{@link Kind#LIST}: a read answered with only what may be viewed ({@link ListShape}); below a
 *       {@code scope} that is neither viewable nor on the way to something viewable, refused.</li>
 * </ul>
 */
public record Requirement(Kind kind, Action action, List<Resource> targets, BodyShape body, AppId base,
                          ListShape list, AppId scope) {

    public enum Kind { AUTHENTICATED, UNREADABLE, PATH, BODY, LIST }

    /** Where, in a write's JSON body, the ids it creates or changes are. */
    public enum BodyShape {
        /** {@code {"id": "/app", …}}: the id is required ({@code POST /v2/apps}). */
        APP,
        /** {@code [{"id": "/a"}, {"id": "/b"}]} ({@code PUT|PATCH /v2/apps}). */
        APPS,
        /** An optional {@code id}, relative to {@code base} ({@code PUT|PATCH /v2/apps/{id}}: the path wins). */
        APP_UPDATE,
        /** A group: the body's {@code id} (relative to {@code base}) is the group; apps and groups inside, relative to it ({@code POST /v2/groups}). */
        GROUP_CREATE,
        /** A group at {@code base}; an {@code id} in the body is checked too; apps and groups inside, relative to {@code base} ({@code PUT /v2/groups}). */
        GROUP_UPDATE,
        /** {@code {"ids": ["<task id>", …]}} ({@code POST /v2/tasks/delete}): the tasks' apps. */
        TASK_IDS
    }

    /** The shape of a list response to filter. */
    public enum ListShape {
        /** {@code {"apps": [app…]}}. */
        APPS,
        /** {@code {"*": [app…]}} ({@code GET /v2/apps/{group}/*}). */
        STAR,
        /** {@code [app…]} ({@code GET /v2/groups/{id}/apps}). */
        APP_ARRAY,
        /** {@code {"tasks": [task…]}}. */
        TASKS,
        /** {@code {"queue": [{"app": app} …]}}. */
        QUEUE,
        /** {@code [deployment…]}. */
        DEPLOYMENTS,
        /** A group tree. */
        GROUP,
        /** {@code [secret metadata…]} ({@code GET /api/secrets}). */
        SECRETS,
        /** {@code [audit entry…]} ({@code GET /api/secrets/_audit}). */
        AUDIT
    }

    public Requirement {
        targets = List.copyOf(targets);
    }

    static final Requirement AUTHENTICATED = new Requirement(Kind.AUTHENTICATED, null, List.of(), null, null, null, null);
    static final Requirement UNREADABLE = new Requirement(Kind.UNREADABLE, null, List.of(), null, null, null, null);

    static Requirement on(Action action, Resource... targets) {
        return new Requirement(Kind.PATH, action, Arrays.asList(targets), null, null, null, null);
    }

    static Requirement onApp(Action action, AppId id) {
        return on(action, Resource.of(id));
    }

    /** {@code action} on the root: an operator's request (it names no app, or every app). */
    static Requirement root(Action action) {
        return on(action, Resource.ROOT);
    }

    static Requirement body(Action action, BodyShape shape, AppId base, AppId... pathTargets) {
        return new Requirement(Kind.BODY, action, Arrays.stream(pathTargets).map(Resource::of).toList(), shape, base, null, null);
    }

    static Requirement list(ListShape shape, AppId scope) {
        return new Requirement(Kind.LIST, Action.VIEW, List.of(), null, null, shape, scope);
    }
}
