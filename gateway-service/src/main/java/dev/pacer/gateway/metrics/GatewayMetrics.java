package dev.pacer.gateway.metrics;

/**
 * What the gateway counts beyond Spring Cloud Gateway's own {@code spring.cloud.gateway.requests}
 * (requests by route and status). Tags are low-cardinality: never a principal or an app id.
 */
public interface GatewayMetrics {

    /** Credentials were given and rejected; {@code scheme} is basic, token or bearer. */
    void authenticationFailed(String scheme);

    /** A login was refused unchecked: too many recent failures for its principal or address (429). */
    void loginThrottled();

    /** An authenticated request asked for something its rules do not allow. */
    void accessDenied(String action);

    /** A write was refused by the rate limiter. */
    void rateLimited();

    /** A request for app traffic found no UP instance of its app. */
    void noInstance();

    GatewayMetrics NONE = new GatewayMetrics() {
        @Override
        public void authenticationFailed(String scheme) {
        }

        @Override
        public void loginThrottled() {
        }

        @Override
        public void accessDenied(String action) {
        }

        @Override
        public void rateLimited() {
        }

        @Override
        public void noInstance() {
        }
    };
}
