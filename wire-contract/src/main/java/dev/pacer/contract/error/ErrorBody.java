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
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ErrorDetail> details,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DeploymentRef> deployments) {

    public ErrorBody {
        Objects.requireNonNull(message, "message");
        details = details == null ? List.of() : List.copyOf(details);
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }

    public ErrorBody(String message, List<ErrorDetail> details) {
        this(message, details, List.of());
    }

    /** A deployment named in a 409 "locked" answer: {@code {"id": "..."}}. */
    public record DeploymentRef(String id) {
    }

    /** Marathon's 409 for a change to something a running deployment holds. */
    public static ErrorBody locked(List<String> deploymentIds) {
        return new ErrorBody(ErrorMessages.locked(deploymentIds.get(0)), List.of(),
                deploymentIds.stream().map(DeploymentRef::new).toList());
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
