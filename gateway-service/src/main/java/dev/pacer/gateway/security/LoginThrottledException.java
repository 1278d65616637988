package dev.pacer.gateway.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused unchecked: too many recent failures for its principal or its address. */
final class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed logins");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
