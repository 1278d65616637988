package dev.pacer.contract.ids;

import java.util.List;
import java.util.Optional;

/** {@code /v2/queue/{appId}/delay}: the app id of the one queue resource, read by {@link PathSegments}. */
public final class QueuePath {

    private QueuePath() {
    }

    /**
     * @param rawRest the raw (percent-encoded) path after {@code /v2/queue}
     * @return the app whose launch delay the path names; empty when the path is no {@code …/delay}
     */
    public static Optional<AppId> delayOf(String rawRest) {
        List<String> segments = PathSegments.decode(rawRest);
        int n = segments.size();
        if (n < 2 || !segments.get(n - 1).equals("delay")) {
            return Optional.empty();
        }
        return Optional.of(new AppId(segments.subList(0, n - 1)));
    }
}
