package dev.pacer.contract.ids;

import java.util.List;

/**
 * The part of a request path after {@code /v2/groups}, parsed by Marathon's routes: only reads have
 * the suffixes {@code /versions}, {@code /versions/{version}} and {@code /apps}; for every other method
 * the whole path is the group id (as Marathon's {@code {id:.+}}). Segments are read by
 * {@link PathSegments}, so the gateway and the scheduler resolve the same group.
 */
public record GroupPath(AppId group, Kind kind, String version) {

    public enum Kind { GROUP, VERSIONS, VERSION, APPS }

    /**
     * @param rawRest the raw (percent-encoded) path after {@code /v2/groups}
     * @param read    whether the request is a GET or HEAD
     */
    public static GroupPath parse(String rawRest, boolean read) {
        List<String> segments = PathSegments.decode(rawRest);
        int n = segments.size();
        if (read) {
            if (n >= 2 && segments.get(n - 2).equals("versions")) {
                return new GroupPath(new AppId(segments.subList(0, n - 2)), Kind.VERSION, segments.get(n - 1));
            }
            if (n >= 1 && segments.get(n - 1).equals("versions")) {
                return new GroupPath(new AppId(segments.subList(0, n - 1)), Kind.VERSIONS, null);
            }
            if (n >= 1 && segments.get(n - 1).equals("apps")) {
                return new GroupPath(new AppId(segments.subList(0, n - 1)), Kind.APPS, null);
            }
        }
        return new GroupPath(new AppId(segments), Kind.GROUP, null);
    }
}
