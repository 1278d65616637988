package dev.pacer.boot.error;

/**
 * An exception that knows the HTTP status its request is answered with, wherever it ends up: a request limit
 * thrown inside a body reader arrives as the cause (or a suppressed exception) of the reader's own exception.
 * {@link ErrorTranslator} looks for one along the whole chain; its message is for the caller.
 */
public interface StatusCause {

    int status();

    String getMessage();

    /** The first {@link StatusCause} in {@code error}'s cause chain or among the suppressed exceptions there. */
    static StatusCause find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StatusCause cause) {
                return cause;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof StatusCause cause) {
                    return cause;
                }
            }
        }
        return null;
    }
}
