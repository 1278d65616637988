package dev.pacer.scheduler.definition;

import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.contract.marathon.app.ReadinessCheck;
import java.util.Objects;
import java.util.Set;

/** Defaults of health and readiness checks; pure functions. */
final class CheckNormalizer {

    private static final Set<String> HTTP_PROTOCOLS =
            Set.of(HealthCheck.HTTP, HealthCheck.HTTPS, HealthCheck.MESOS_HTTP, HealthCheck.MESOS_HTTPS);
    private static final Set<String> MARATHON_HTTP_PROTOCOLS = Set.of(HealthCheck.HTTP, HealthCheck.HTTPS);

    private CheckNormalizer() {
    }

    /**
     * Fills a health check's defaults. A check without {@code port} and {@code portIndex} gets
     * {@code portIndex 0} when the app has ports (Marathon's backwards-compatibility rule), unless it
     * is a {@code COMMAND} check. {@code path} is kept for HTTP-style checks only (default "/"),
     * {@code ignoreHttp1xx} for Marathon's HTTP/HTTPS checks only (default false).
     */
    static HealthCheck health(HealthCheck check, boolean appHasPorts) {
        String protocol = check.protocol() != null ? check.protocol()
                : check.command() != null ? HealthCheck.COMMAND : HealthCheck.HTTP;
        boolean command = HealthCheck.COMMAND.equals(protocol);
        Integer portIndex = check.portIndex();
        if (!command && portIndex == null && check.port() == null && appHasPorts) {
            portIndex = 0;
        }
        return new HealthCheck(
                protocol,
                HTTP_PROTOCOLS.contains(protocol) ? Objects.requireNonNullElse(check.path(), AppDefaults.HEALTH_PATH) : null,
                portIndex,
                check.port(),
                check.command(),
                Objects.requireNonNullElse(check.gracePeriodSeconds(), AppDefaults.HEALTH_GRACE_PERIOD_SECONDS),
                Objects.requireNonNullElse(check.intervalSeconds(), AppDefaults.HEALTH_INTERVAL_SECONDS),
                Objects.requireNonNullElse(check.timeoutSeconds(), AppDefaults.HEALTH_TIMEOUT_SECONDS),
                Objects.requireNonNullElse(check.maxConsecutiveFailures(), AppDefaults.HEALTH_MAX_CONSECUTIVE_FAILURES),
                Objects.requireNonNullElse(check.delaySeconds(), AppDefaults.HEALTH_DELAY_SECONDS),
                MARATHON_HTTP_PROTOCOLS.contains(protocol)
                        ? Objects.requireNonNullElse(check.ignoreHttp1xx(), Boolean.FALSE) : null,
                Objects.requireNonNullElse(check.ipProtocol(), HealthCheck.IPV4));
    }

    /**
     * Fills a readiness check's defaults. Leniency for the Marathon Java client, which always sends
     * {@code intervalSeconds: 0, timeoutSeconds: 0}: a 0 there means the default (30 and 10).
     */
    static ReadinessCheck readiness(ReadinessCheck check) {
        return new ReadinessCheck(
                Objects.requireNonNullElse(check.name(), AppDefaults.READINESS_NAME),
                Objects.requireNonNullElse(check.protocol(), AppDefaults.READINESS_PROTOCOL),
                Objects.requireNonNullElse(check.path(), AppDefaults.READINESS_PATH),
                Objects.requireNonNullElse(check.portName(), AppDefaults.READINESS_PORT_NAME),
                zeroMeansDefault(check.intervalSeconds(), AppDefaults.READINESS_INTERVAL_SECONDS),
                zeroMeansDefault(check.timeoutSeconds(), AppDefaults.READINESS_TIMEOUT_SECONDS),
                check.httpStatusCodesForReady() == null || check.httpStatusCodesForReady().isEmpty()
                        ? AppDefaults.READINESS_STATUS_CODES : check.httpStatusCodesForReady(),
                Objects.requireNonNullElse(check.preserveLastResponse(), Boolean.FALSE));
    }

    private static Integer zeroMeansDefault(Integer value, int fallback) {
        return value == null || value == 0 ? fallback : value;
    }
}
