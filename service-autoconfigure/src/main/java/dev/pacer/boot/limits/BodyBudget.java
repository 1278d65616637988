package dev.pacer.boot.limits;

import java.time.Clock;
import java.time.Duration;

/**
 * What one request body may still consume: bytes up to {@code maxBytes}, time until
 * {@code bodyReadTimeout} after the request started. Plain Java; the servlet and the reactive filter
 * report each chunk they see and fail the request with the exception this throws.
 */
public final class BodyBudget {

    private final long maxBytes;
    private final Duration timeout;
    private final Clock clock;
    private final long deadline;
    private long received;

    public BodyBudget(long maxBytes, Duration timeout, Clock clock) {
        this(maxBytes, timeout, clock, clock.millis() + timeout.toMillis());
    }

    private BodyBudget(long maxBytes, Duration timeout, Clock clock, long deadline) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** A budget with the same deadline and nothing received yet (a body read a second time). */
    public BodyBudget restart() {
        return new BodyBudget(maxBytes, timeout, clock, deadline);
    }

    /** A declared {@code Content-Length} ({@code -1}: none) over the limit is refused before reading. */
    public void checkDeclared(long contentLength) throws RequestBodyLimitException {
        if (contentLength > maxBytes) {
            throw RequestBodyLimitException.tooLarge(maxBytes);
        }
    }

    /** {@code n} more bytes arrived (n ≤ 0: none, e.g. the end of the stream). */
    public void received(long n) throws RequestBodyLimitException {
        if (n > 0) {
            received += n;
            if (received > maxBytes) {
                throw RequestBodyLimitException.tooLarge(maxBytes);
            }
        }
        checkTime();
    }

    /** Fails once the deadline has passed. */
    public void checkTime() throws RequestBodyLimitException {
        if (clock.millis() > deadline) {
            throw RequestBodyLimitException.tooSlow(timeout);
        }
    }

    /** Time left until the deadline (zero once passed). */
    public Duration remaining() {
        return Duration.ofMillis(Math.max(0, deadline - clock.millis()));
    }

    public RequestBodyLimitException timedOut() {
        return RequestBodyLimitException.tooSlow(timeout);
    }

    public long received() {
        return received;
    }
}
