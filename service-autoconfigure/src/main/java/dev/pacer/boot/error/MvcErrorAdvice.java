package dev.pacer.boot.error;

import dev.pacer.contract.error.ErrorBody;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every exception out of a Spring MVC handler becomes the JSON error body. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class MvcErrorAdvice {

    @ExceptionHandler(Throwable.class)
    public ResponseEntity<ErrorBody> handle(Throwable error, HttpServletRequest request) {
        ApiError api = ErrorTranslator.translate(error, request.getRequestURI());
        return ResponseEntity.status(api.status()).contentType(MediaType.APPLICATION_JSON).body(api.body());
    }
}
