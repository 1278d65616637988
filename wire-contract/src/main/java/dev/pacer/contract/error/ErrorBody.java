package dev.pacer.contract.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The one error body every Pacer service answers with, in Marathon's shape (reference §2):
 * {@code {"message": "...", "details": [{"path": "...", "errors": ["..."]}]}}.
 *
 * <p>{@code details} is omitted when empty. It is always an array, never a string: the Marathon Java
 * client's error decoder fails on a string {@code details}.
 */
public record ErrorBody(
        String message,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ErrorDetail> details) {

    public ErrorBody {
        Objects.requireNonNull(message, "message");
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static ErrorBody of(String message) {
        return new ErrorBody(message, List.of());
    }

    public static ErrorBody of(String message, List<ErrorDetail> details) {
        return new ErrorBody(message, details);
    }

    /** The body Marathon answers a failed object validation with (422). */
    public static ErrorBody invalidObject(List<ErrorDetail> details) {
        return new ErrorBody(ErrorMessages.OBJECT_NOT_VALID, details);
    }
}
