package dev.pacer.scheduler.app.web;

import dev.pacer.contract.ids.AppId;

/**
 * The part of a request path after {@code /v2/apps}, parsed by Marathon's route order: the more
 * specific suffixes ({@code /tasks[/{taskId}]}, {@code /versions[/{version}]}, {@code /restart})
 * win over an app id ending in those words, as in Marathon. Empty segments (the Java client's
 * {@code //}) are ignored. A last segment {@code *} asks for every app under the group.
 */
public record AppPath(AppId app, Kind kind, String argument) {

    public enum Kind { APP, GROUP_WILDCARD, TASKS, TASK, VERSIONS, VERSION, RESTART }

    public static AppPath parse(String rest) {
        String[] raw = rest.split("/");
        java.util.List<String> segments = new java.util.ArrayList<>();
        for (String s : raw) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        int n = segments.size();
        if (n >= 3 && segments.get(n - 2).equals("tasks")) {
            return new AppPath(id(segments, n - 2), Kind.TASK, segments.get(n - 1));
        }
        if (n >= 3 && segments.get(n - 2).equals("versions")) {
            return new AppPath(id(segments, n - 2), Kind.VERSION, segments.get(n - 1));
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

    private static AppId id(java.util.List<String> segments, int end) {
        return AppId.parse("/" + String.join("/", segments.subList(0, end)));
    }
}
