package dev.pacer.contract.error;

import java.util.List;
import java.util.Objects;

/** One failing path of a request, with every constraint message that applies to it. */
public record ErrorDetail(String path, List<String> errors) {

    public ErrorDetail {
        Objects.requireNonNull(path, "path");
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an error detail needs at least one error");
        }
    }

    public static ErrorDetail of(String path, String... errors) {
        return new ErrorDetail(path, List.of(errors));
    }
}
