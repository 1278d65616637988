package dev.pacer.boot.error;

import dev.pacer.contract.error.ErrorBody;

/** An HTTP status and the JSON error body that goes with it. */
public record ApiError(int status, ErrorBody body) {
}
