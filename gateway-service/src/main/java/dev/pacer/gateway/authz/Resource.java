package dev.pacer.gateway.authz;

import dev.pacer.contract.ids.AppId;
import java.util.List;

/**
 * What a rule's prefixes are compared with: the segments of an app or group id, or of a secret path
 * ({@code /team-a/db} lies under the prefix {@code /team-a} whether it names an app or a secret).
 */
public record Resource(List<String> segments) {

    public static final Resource ROOT = new Resource(List.of());

    public Resource {
        segments = List.copyOf(segments);
    }

    public static Resource of(AppId id) {
        return new Resource(id.segments());
    }

    /** A secret path that {@code dev.pacer.contract.secrets.SecretPaths} accepts ({@code /prod/db}). */
    public static Resource secret(String path) {
        return new Resource(List.of(path.substring(1).split("/")));
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** Whether this is {@code prefix} or lies below it, segment by segment. */
    public boolean isUnder(AppId prefix) {
        List<String> p = prefix.segments();
        return segments.size() >= p.size() && segments.subList(0, p.size()).equals(p);
    }

    @Override
    public String toString() {
        return "/" + String.join("/", segments);
    }
}
