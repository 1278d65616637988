package dev.pacer.contract.ids;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a request path after {@code /v2/apps}, parsed by Marathon's route order: the more
 * specific suffixes ({@code /tasks[/{taskId}]}, {@code /versions[/{version}]}, {@code /restart})
 * win over an app id ending in those words, as in Marathon. A last segment {@code *} asks for every
 * app under the group. Segments are read by {@link PathSegments} (the gateway and the scheduler parse
 * the same path into the same app id); an id that breaks the id rules is an {@link InvalidIdException}.
 */
public record AppPath(AppId app, Kind kind, String argument) {

    /** {@code GROUP_WILDCARD_TASKS}: {@code {group}/*}{@code /tasks}, every task of every app under the group. */
    public enum Kind { APP, GROUP_WILDCARD, GROUP_WILDCARD_TASKS, TASKS, TASK, VERSIONS, VERSION, RESTART }

    /** @param rawRest the raw (percent-encoded) path after {@code /v2/apps} */
    public static AppPath parse(String rawRest) {
        List<String> segments = PathSegments.decode(rawRest);
        int n = segments.size();
        if (n >= 3 && segments.get(n - 2).equals("tasks")) {
            return new AppPath(id(segments, n - 2), Kind.TASK, segments.get(n - 1));
        }
        if (n >= 3 && segments.get(n - 2).equals("versions")) {
            return new AppPath(id(segments, n - 2), Kind.VERSION, segments.get(n - 1));
        }
        if (n >= 2 && segments.get(n - 1).equals("tasks") && segments.get(n - 2).equals("*")) {
            return new AppPath(id(segments, n - 2), Kind.GROUP_WILDCARD_TASKS, null);
        }
        if (n >= 2 && segments.get(n - 1).equals("tasks")) {
            return new AppPath(id(segments, n - 1), Kind.TASKS, null);
        }
        if (n >= 2 && segments.get(n - 1).equals("versions")) {
            return new AppPath(id(segments, n - 1), Kind.VERSIONS, null);
        }
        if (n >= 2 && segments.get(n - 1).equals("restart")) {
            return new AppPath(id(segments, n - 1), Kind.RESTART, null);
        }
        if (n >= 1 && segments.get(n - 1).equals("*")) {
            return new AppPath(id(segments, n - 1), Kind.GROUP_WILDCARD, null);
        }
        return new AppPath(id(segments, n), Kind.APP, null);
    }

    /**
     * The app a request changes: {@link #app()}, except Marathon's quirk {@code DELETE …/restart}, which
     * deletes the app whose id ends in {@code restart}.
     */
    public AppId target(boolean delete) {
        if (delete && kind == Kind.RESTART) {
            return new AppId(concat(app.segments(), "restart"));
        }
        return app;
    }

    private static List<String> concat(List<String> head, String last) {
        List<String> all = new ArrayList<>(head);
        all.add(last);
        return all;
    }

    private static AppId id(List<String> segments, int end) {
        return new AppId(segments.subList(0, end));
    }
}
