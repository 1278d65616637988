package dev.pacer.boot.error;

import dev.pacer.contract.error.ErrorBody;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's Whitelabel/HTML error page: errors that never reached a controller (unknown paths,
 * failures in filters, the servlet container's own errors) answer with the JSON error body too.
 */
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri != null ? uri.toString() : request.getRequestURI();
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ApiError api;
        if (exception instanceof Throwable t) {
            api = ErrorTranslator.translate(t, path);
        } else {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            api = ErrorTranslator.fromStatus(status instanceof Integer code ? code : 500, null, path);
        }
        return ResponseEntity.status(api.status()).contentType(MediaType.APPLICATION_JSON).body(api.body());
    }
}
