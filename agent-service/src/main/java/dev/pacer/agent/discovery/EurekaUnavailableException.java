package dev.pacer.agent.discovery;

/** No Eureka peer answered a call (every peer refused, timed out or failed with 5xx). */
final class EurekaUnavailableException extends RuntimeException {

    EurekaUnavailableException(String message) {
        super(message, null, false, false);
    }
}
