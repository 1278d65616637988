package dev.pacer.gateway.authz;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Maps a Marathon API request (method and normalised path) to its {@link Requirement}. Pure: no I/O,
 * no state. A path whose id is not a valid app id passes (there can be no such app to protect; the
 * scheduler answers it). Writes that name no app need {@code update} on the root.
 */
public final class RequestClassifier {

    private static final Set<String> APP_SUFFIXES = Set.of("tasks", "versions", "restart");

    private RequestClassifier() {
    }

    public static Requirement classify(HttpMethod method, String path) {
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.equals(ApiPaths.V2_APPS)) {
            if (read) {
                return Requirement.list(Requirement.ListShape.APPS);
            }
            return method == HttpMethod.POST
                    ? Requirement.fromBody(Action.CREATE, Requirement.BodyTargets.APP)
                    : Requirement.fromBody(Action.UPDATE, Requirement.BodyTargets.APPS);
        }
        if (p.startsWith(ApiPaths.V2_APPS + "/")) {
            return app(method, read, segments(p.substring(ApiPaths.V2_APPS.length())));
        }
        if (p.equals(ApiPaths.V2_TASKS)) {
            return read ? Requirement.list(Requirement.ListShape.TASKS) : admin();
        }
        if (p.equals(ApiPaths.V2_TASKS + "/delete")) {
            return Requirement.fromBody(Action.KILL, Requirement.BodyTargets.TASK_IDS);
        }
        if (p.equals(ApiPaths.V2_QUEUE)) {
            return read ? Requirement.list(Requirement.ListShape.QUEUE) : admin();
        }
        if (p.startsWith(ApiPaths.V2_QUEUE + "/")) {
            List<String> segments = segments(p.substring(ApiPaths.V2_QUEUE.length()));
            if (!segments.isEmpty() && segments.get(segments.size() - 1).equals("delay")) {
                segments = segments.subList(0, segments.size() - 1);
            }
            return read ? Requirement.OPEN : on(Action.UPDATE, segments);
        }
        if (p.equals(ApiPaths.V2_GROUPS) || p.startsWith(ApiPaths.V2_GROUPS + "/")) {
            return group(method, read, segments(p.substring(ApiPaths.V2_GROUPS.length())));
        }
        if (p.equals(ApiPaths.V2_DEPLOYMENTS)) {
            return read ? Requirement.list(Requirement.ListShape.DEPLOYMENTS) : admin();
        }
        return read ? Requirement.OPEN : admin();
    }

    private static Requirement app(HttpMethod method, boolean read, List<String> segments) {
        int idEnd = segments.size();
        String suffix = null;
        if (idEnd >= 2 && APP_SUFFIXES.contains(segments.get(idEnd - 1))) {
            suffix = segments.get(idEnd - 1);
            idEnd -= 1;
        } else if (idEnd >= 3 && (segments.get(idEnd - 2).equals("tasks") || segments.get(idEnd - 2).equals("versions"))) {
            suffix = segments.get(idEnd - 2);
            idEnd -= 2;
        }
        List<String> id = segments.subList(0, idEnd);
        if (read) {
            return on(Action.VIEW, id);
        }
        if (suffix == null) {
            if (method == HttpMethod.DELETE) {
                return on(Action.DELETE, id);
            }
            return on(Action.UPDATE, id);
        }
        if (suffix.equals("tasks") && method == HttpMethod.DELETE) {
            return on(Action.KILL, id);
        }
        return on(Action.UPDATE, id);
    }

    private static Requirement group(HttpMethod method, boolean read, List<String> segments) {
        if (read) {
            if (!segments.isEmpty() && segments.get(segments.size() - 1).equals("versions")) {
                return on(Action.VIEW, segments.subList(0, segments.size() - 1));
            }
            return Requirement.list(Requirement.ListShape.GROUP);
        }
        Action action = method == HttpMethod.POST ? Action.CREATE
                : method == HttpMethod.DELETE ? Action.DELETE : Action.UPDATE;
        if (segments.isEmpty() && action != Action.DELETE) {
            return Requirement.fromBody(action, Requirement.BodyTargets.GROUP);
        }
        return on(action, segments);
    }

    private static Requirement on(Action action, List<String> idSegments) {
        try {
            return Requirement.on(action, new AppId(idSegments));
        } catch (InvalidIdException e) {
            return Requirement.OPEN;
        }
    }

    private static Requirement admin() {
        return Requirement.on(Action.UPDATE, AppId.ROOT);
    }

    private static List<String> segments(String rest) {
        List<String> segments = new ArrayList<>();
        for (String s : rest.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }
}
