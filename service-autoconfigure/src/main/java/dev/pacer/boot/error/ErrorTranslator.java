package dev.pacer.boot.error;

import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.error.ErrorMessages;
import dev.pacer.contract.ids.InvalidIdException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns any exception that escaped a request into Marathon's status and JSON body. The one place
 * where that decision is made: the MVC advice, the servlet error page and the WebFlux handler all
 * call it.
 *
 * <p>No message of an unexpected exception, and no fragment of the request body, is ever copied into
 * a response: both can hold secret values. Unexpected exceptions are logged and answered with 500.
 */
public final class ErrorTranslator {

    static final String READ_TIMEOUT = "Request body did not arrive in time";

    private static final Logger log = LoggerFactory.getLogger(ErrorTranslator.class);

    private ErrorTranslator() {
    }

    public static ApiError translate(Throwable error, String requestPath) {
        if (error instanceof ApiException api) {
            return new ApiError(api.status(), api.body());
        }
        StatusCause known = StatusCause.find(error);
        if (known != null) {
            return new ApiError(known.status(), ErrorBody.of(known.getMessage()));
        }
        if (error instanceof InvalidIdException invalid) {
            // an app or group id from a request path that breaks the id rules: Marathon's 422 on the id
            return new ApiError(422, ErrorBody.invalidObject(List.of(ErrorDetail.of("/id", invalid.getMessage()))));
        }
        if (causeOf(error, SocketTimeoutException.class) != null) {
            // the servlet container's read timeout while a body was still arriving (it records the
            // error itself, so it may come here instead of the limit that wrapped it)
            return new ApiError(408, ErrorBody.of(READ_TIMEOUT));
        }
        JacksonException json = causeOf(error, JacksonException.class);
        if (error instanceof HttpMessageNotReadableException || json != null) {
            return invalidJson(json);
        }
        if (error instanceof MethodArgumentTypeMismatchException mismatch) {
            return new ApiError(400, ErrorBody.of("Invalid value of parameter '%s'".formatted(mismatch.getName()),
                    List.of(ErrorDetail.of("/" + mismatch.getName(), "expected " + typeName(mismatch.getRequiredType())))));
        }
        if (error instanceof TypeMismatchException mismatch) {
            return new ApiError(400, ErrorBody.of("Invalid value of '%s'".formatted(mismatch.getPropertyName())));
        }
        if (causeOf(error, ConnectException.class) != null || causeOf(error, NoRouteToHostException.class) != null) {
            // a service this one needed (an upstream of the gateway, an agent) could not be reached: nothing was sent
            log.warn("Answering {} with 503: a service it needs cannot be reached ({})", requestPath, error.toString());
            return new ApiError(503, ErrorBody.of(ErrorMessages.UNREACHABLE));
        }
        if (error instanceof ErrorResponse spring) {
            return fromStatus(spring.getStatusCode().value(), spring.getBody().getDetail(), requestPath);
        }
        log.error("Unexpected error answering {}", requestPath, error);
        return new ApiError(500, ErrorBody.of(ErrorMessages.INTERNAL_ERROR));
    }

    /** For errors that arrive as a bare status (the servlet container's error page, a filter). */
    public static ApiError fromStatus(int status, String detail, String requestPath) {
        if (status == 404) {
            return new ApiError(404, ErrorBody.of(ErrorMessages.pathNotFound(requestPath)));
        }
        String message = detail != null && !detail.isBlank() ? detail : reasonPhrase(status);
        return new ApiError(status, ErrorBody.of(message));
    }

    private static ApiError invalidJson(JacksonException json) {
        if (json == null) {
            return new ApiError(400, ErrorBody.of(ErrorMessages.INVALID_JSON,
                    List.of(ErrorDetail.of("/", "the request body is missing or is not JSON"))));
        }
        String path = jsonPointer(json.getPath());
        String problem;
        if (json instanceof StreamConstraintsException limit) {
            problem = "exceeds a limit of the JSON reader: " + limit.getOriginalMessage();
        } else if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            problem = "expected " + typeName(mismatch.getTargetType());
        } else {
            TokenStreamLocation at = json.getLocation();
            problem = at == null || at.getLineNr() < 0
                    ? "malformed JSON"
                    : "malformed JSON at line %d, column %d".formatted(at.getLineNr(), at.getColumnNr());
        }
        return new ApiError(400, ErrorBody.of(ErrorMessages.INVALID_JSON, List.of(ErrorDetail.of(path, problem))));
    }

    /** Marathon's path notation: {@code /apps(0)/id}. */
    static String jsonPointer(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                pointer.append('/').append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                pointer.append('(').append(ref.getIndex()).append(')');
            }
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String reasonPhrase(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
