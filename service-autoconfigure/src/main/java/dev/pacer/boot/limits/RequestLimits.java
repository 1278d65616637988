package dev.pacer.boot.limits;

/** Finding a broken request limit among the causes of an error. */
public final class RequestLimits {

    private RequestLimits() {
    }

    /** The {@link RequestBodyLimitException} in {@code error}'s cause chain, or null. */
    public static RequestBodyLimitException limitCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestBodyLimitException limit) {
                return limit;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof RequestBodyLimitException limit) {
                    return limit;
                }
            }
        }
        return null;
    }
}
