package dev.pacer.gateway.authz;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.AppPath;
import dev.pacer.contract.ids.GroupPath;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.ids.QueuePath;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * Maps a Marathon API request (method and raw, still percent-encoded path) to its {@link Requirement}.
 * Pure: no I/O, no state. Ids are read by wire-contract's parsers ({@link AppPath}, {@link GroupPath},
 * {@link QueuePath}), the ones the scheduler acts on, so both sides see the same id in the same bytes.
 * A path id that does not parse is {@link Requirement#UNREADABLE} (refused). Every endpoint of Marathon's
 * API is classified on purpose; whatever is not (an unknown path, a method an endpoint does not have)
 * needs {@code view} on {@code /} to read and {@code update} on {@code /} to write.
 */
public final class RequestClassifier {

    private RequestClassifier() {
    }

    public static Requirement classify(HttpMethod method, String rawPath) {
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        String p = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        try {
            return classify(method, read, p);
        } catch (InvalidIdException e) {
            return Requirement.UNREADABLE;
        }
    }

    private static Requirement classify(HttpMethod method, boolean read, String p) {
        if (p.equals(ApiPaths.V2_APPS)) {
            if (read) {
                return Requirement.list(Requirement.ListShape.APPS, AppId.ROOT);
            }
            if (method == HttpMethod.POST) {
                return Requirement.body(Action.CREATE, Requirement.BodyShape.APP, AppId.ROOT);
            }
            return method == HttpMethod.PUT || method == HttpMethod.PATCH
                    ? Requirement.body(Action.UPDATE, Requirement.BodyShape.APPS, AppId.ROOT)
                    : Requirement.root(Action.UPDATE);
        }
        if (p.startsWith(ApiPaths.V2_APPS + "/")) {
            return app(method, read, AppPath.parse(p.substring(ApiPaths.V2_APPS.length())));
        }
        if (p.equals(ApiPaths.V2_GROUPS) || p.startsWith(ApiPaths.V2_GROUPS + "/")) {
            return group(method, read, GroupPath.parse(p.substring(ApiPaths.V2_GROUPS.length()), read));
        }
        if (p.equals(ApiPaths.V2_TASKS)) {
            return read ? Requirement.list(Requirement.ListShape.TASKS, AppId.ROOT) : Requirement.root(Action.UPDATE);
        }
        if (p.equals(ApiPaths.V2_TASKS + "/delete") && method == HttpMethod.POST) {
            return Requirement.body(Action.KILL, Requirement.BodyShape.TASK_IDS, AppId.ROOT);
        }
        if (p.equals(ApiPaths.V2_QUEUE)) {
            return read ? Requirement.list(Requirement.ListShape.QUEUE, AppId.ROOT) : Requirement.root(Action.UPDATE);
        }
        if (p.startsWith(ApiPaths.V2_QUEUE + "/")) {
            Optional<AppId> app = QueuePath.delayOf(p.substring(ApiPaths.V2_QUEUE.length()));
            if (app.isPresent()) {
                return Requirement.onApp(read ? Action.VIEW : Action.UPDATE, app.get());
            }
            return operator(read);
        }
        if (p.equals(ApiPaths.V2_DEPLOYMENTS)) {
            return read ? Requirement.list(Requirement.ListShape.DEPLOYMENTS, AppId.ROOT) : Requirement.root(Action.UPDATE);
        }
        if ((p.equals(ApiPaths.V2_INFO) || p.equals(ApiPaths.V2_LEADER) || p.equals(ApiPaths.PING)) && read) {
            return Requirement.AUTHENTICATED;
        }
        // DELETE|POST /v2/deployments/{id}[/promote] (a deployment's apps are not looked up), DELETE /v2/leader,
        // /metrics, /v2/pods, /v2/plugins and every path not listed above
        return operator(read);
    }

    private static Requirement app(HttpMethod method, boolean read, AppPath path) {
        AppId id = path.app();
        if (read) {
            return switch (path.kind()) {
                case GROUP_WILDCARD -> Requirement.list(Requirement.ListShape.STAR, id);
                case GROUP_WILDCARD_TASKS -> Requirement.list(Requirement.ListShape.TASKS, id);
                default -> Requirement.onApp(Action.VIEW, id);
            };
        }
        return switch (path.kind()) {
            case APP -> method == HttpMethod.DELETE ? Requirement.onApp(Action.DELETE, id)
                    : method == HttpMethod.PUT || method == HttpMethod.PATCH
                    ? Requirement.body(Action.UPDATE, Requirement.BodyShape.APP_UPDATE, id.parent(), id)
                    : Requirement.onApp(Action.UPDATE, id);
            case TASKS, TASK -> Requirement.onApp(method == HttpMethod.DELETE ? Action.KILL : Action.UPDATE, id);
            case RESTART -> method == HttpMethod.DELETE
                    ? Requirement.onApp(Action.DELETE, path.target(true))
                    : Requirement.onApp(Action.UPDATE, id);
            case GROUP_WILDCARD, GROUP_WILDCARD_TASKS, VERSIONS, VERSION -> Requirement.onApp(Action.UPDATE, id);
        };
    }

    private static Requirement group(HttpMethod method, boolean read, GroupPath path) {
        AppId id = path.group();
        if (read) {
            return switch (path.kind()) {
                case GROUP, VERSION -> Requirement.list(Requirement.ListShape.GROUP, id);
                case APPS -> Requirement.list(Requirement.ListShape.APP_ARRAY, id);
                case VERSIONS -> Requirement.onApp(Action.VIEW, id);
            };
        }
        if (method == HttpMethod.POST) {
            return Requirement.body(Action.CREATE, Requirement.BodyShape.GROUP_CREATE, id);
        }
        if (method == HttpMethod.PUT) {
            return Requirement.body(Action.UPDATE, Requirement.BodyShape.GROUP_UPDATE, id, id);
        }
        return Requirement.onApp(method == HttpMethod.DELETE ? Action.DELETE : Action.UPDATE, id);
    }

    /** Not an app's business: {@code view} on {@code /} to read, {@code update} on {@code /} to write. */
    static Requirement operator(boolean read) {
        return Requirement.root(read ? Action.VIEW : Action.UPDATE);
    }
}
