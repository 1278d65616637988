package dev.pacer.contract.ids;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An app's absolute path id ({@code /team/web}), canonicalised by Marathon's rules (reference §1):
 * empty segments dropped (so the {@code //foo} the Java client sends is {@code /foo}), relative ids
 * resolved against a base, {@code .} and {@code ..} resolved, each segment checked.
 */
public record AppId(List<String> segments) {

    /** Marathon's segment rule, verbatim, as it appears in its validation message. */
    public static final String SEGMENT_REGEX =
            "^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])$";
    private static final Pattern SEGMENT = Pattern.compile(SEGMENT_REGEX);

    public static final AppId ROOT = new AppId(List.of());

    public AppId {
        segments = List.copyOf(segments);
        for (String s : segments) {
            if (!SEGMENT.matcher(s).matches()) {
                throw new InvalidIdException("must fully match regular expression '" + SEGMENT_REGEX + "'");
            }
        }
    }

    /** Parses an absolute or root-relative id. */
    public static AppId parse(String raw) {
        return parse(raw, ROOT);
    }

    /** Parses {@code raw}; a relative id is resolved against {@code base}. */
    public static AppId parse(String raw, AppId base) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdException("id must not be empty");
        }
        Deque<String> resolved = new ArrayDeque<>(raw.startsWith("/") ? List.of() : base.segments);
        for (String segment : raw.split("/")) {
            switch (segment) {
                case "", "." -> { }
                case ".." -> {
                    if (resolved.isEmpty()) {
                        throw new InvalidIdException("'" + raw + "' points above the root group");
                    }
                    resolved.removeLast();
                }
                default -> resolved.addLast(segment);
            }
        }
        return new AppId(List.copyOf(resolved));
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public AppId parent() {
        return isRoot() ? ROOT : new AppId(segments.subList(0, segments.size() - 1));
    }

    /** True when this id is {@code prefix} or lies below it ({@code /a/b} is under {@code /a}, not under {@code /ab}). */
    public boolean isUnder(AppId prefix) {
        return segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /** Marathon's "safe" form used inside task ids: segments joined by {@code _}. */
    public String safeId() {
        return String.join("_", segments);
    }

    /** The inverse of {@link #safeId()}: segments never contain {@code _}, so the mapping is exact. */
    public static AppId fromSafeId(String safeId) {
        return parse("/" + safeId.replace('_', '/'));
    }

    @Override
    public String toString() {
        return "/" + String.join("/", segments);
    }
}
