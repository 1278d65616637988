package dev.pacer.contract.marathon;

/** A bare {@code {"message": "..."}} success answer, e.g. of {@code DELETE /v2/leader}. */
public record MessageResponse(String message) {
}
