package dev.pacer.scheduler.pod;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorMessages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2/pods} and everything below it: Pacer has no pods. Every method answers 501 Not Implemented
 * with Marathon's error body (a {@code HEAD}, Marathon's capability probe, the status alone), so a client
 * that probes for pods sees "not supported" and one that uses them gets a message saying what to do.
 */
@RestController
class PodsController {

    @RequestMapping({ApiPaths.V2_PODS, ApiPaths.V2_PODS + "/**", ApiPaths.V2 + "/{pods:pods::.+}"})
    ResponseEntity<ErrorBody> pods(HttpServletRequest request) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).contentType(MediaType.APPLICATION_JSON);
        return request.getMethod().equals("HEAD") ? answer.build() : answer.body(ErrorBody.of(ErrorMessages.PODS_NOT_SUPPORTED));
    }
}
