package dev.pacer.boot.probes;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A plain-HTTP port that answers only liveness and readiness, for kubelets, load balancers and the
 * local-stack launcher, which cannot present a client certificate to the service's (mutual TLS) port.
 *
 * @param port    the probe port; unset: no probe port (probes stay at {@code /actuator/health/*})
 * @param address the interface it listens on; default: {@code server.address} (127.0.0.1 without TLS),
 *                else every interface
 */
@ConfigurationProperties(ProbesProperties.PREFIX)
public record ProbesProperties(Integer port, String address) {

    public static final String PREFIX = "pacer.probes";
    public static final String LIVENESS = "/livez";
    public static final String READINESS = "/readyz";
}
