package dev.pacer.boot.limits;

import dev.pacer.boot.error.StatusCause;
import java.io.IOException;
import java.time.Duration;

/**
 * A request body broke a limit: too large (413) or too slow (408). An {@link IOException}, so that it
 * passes through the readers of a body stream (Jackson, Spring's converters) as their cause; the shared
 * error handling finds it there and answers with its status. The message names the limit, never the
 * body.
 */
public final class RequestBodyLimitException extends IOException implements StatusCause {

    private final int status;

    private RequestBodyLimitException(int status, String message) {
        super(message, null);
        this.status = status;
    }

    public static RequestBodyLimitException tooLarge(long limitBytes) {
        return new RequestBodyLimitException(413, "Request body is larger than the limit of " + limitBytes + " bytes");
    }

    public static RequestBodyLimitException tooSlow(Duration limit) {
        return new RequestBodyLimitException(408, "Request body did not arrive within " + limit.toMillis() + " ms");
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
