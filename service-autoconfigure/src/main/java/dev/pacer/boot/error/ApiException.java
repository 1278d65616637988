package dev.pacer.boot.error;

import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorDetail;
import java.util.List;

/**
 * The one exception a Pacer service throws to answer a request with an error. It carries the HTTP
 * status Marathon uses and the body to send; the shared handlers turn it into the response.
 *
 * <p>Messages are for the caller: never put a secret value, a stack trace or a storage error in one.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient ErrorBody body;

    public ApiException(int status, ErrorBody body) {
        super(body.message(), null, false, false);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public ErrorBody body() {
        return body;
    }

    public static ApiException badRequest(String format, Object... args) {
        return new ApiException(400, ErrorBody.of(format.formatted(args)));
    }

    public static ApiException notFound(String format, Object... args) {
        return new ApiException(404, ErrorBody.of(format.formatted(args)));
    }

    public static ApiException conflict(String format, Object... args) {
        return new ApiException(409, ErrorBody.of(format.formatted(args)));
    }

    /** 422 "Object is not valid" with one detail per failing path. */
    public static ApiException invalid(List<ErrorDetail> details) {
        return new ApiException(422, ErrorBody.invalidObject(details));
    }

    public static void checkFound(boolean found, String format, Object... args) {
        if (!found) {
            throw notFound(format, args);
        }
    }

    public static void checkConflict(boolean ok, String format, Object... args) {
        if (!ok) {
            throw conflict(format, args);
        }
    }
}
