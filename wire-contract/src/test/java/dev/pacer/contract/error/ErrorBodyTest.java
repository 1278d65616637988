package dev.pacer.contract.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    @Test
    void invalidObject_usesMarathonsMessage() {
        ErrorBody body = ErrorBody.invalidObject(List.of(ErrorDetail.of("/cmd", "must not be empty")));
        assertThat(body.message()).isEqualTo("Object is not valid");
        assertThat(body.details()).extracting(ErrorDetail::path).containsExactly("/cmd");
    }

    @Test
    void nullDetails_becomeEmpty() {
        assertThat(new ErrorBody("x", null).details()).isEmpty();
    }

    @Test
    void aDetailWithoutErrors_isRefused() {
        assertThatThrownBy(() -> new ErrorDetail("/id", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
