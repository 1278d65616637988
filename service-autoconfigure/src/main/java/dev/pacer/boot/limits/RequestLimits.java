package dev.pacer.boot.limits;

import dev.pacer.boot.error.StatusCause;

/** Finding a broken request limit among the causes of an error. */
public final class RequestLimits {

    private RequestLimits() {
    }

    /** The {@link RequestBodyLimitException} in {@code error}'s cause chain (or suppressed there), or null. */
    public static RequestBodyLimitException limitCause(Throwable error) {
        return StatusCause.find(error) instanceof RequestBodyLimitException limit ? limit : null;
    }
}
