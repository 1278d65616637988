package dev.pacer.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to bring the stack up. Defaults are the well-known ports of the README; {@code --port-base=N}
 * puts every process on N, N+1, ... instead (the end-to-end tests use it to run beside a dev stack).
 *
 * @param home          the checkout: where {@code <service>/target/<service>.jar} are found
 * @param logDir        one log file per process; the pid file of the running stack sits beside it, and the
 *                      stack's generated material (CA and certificates, credentials) in its parent directory
 * @param redisUrl      an existing Redis to use; null starts the embedded redis-server
 * @param publicGateway whether the gateway's public port listens on every interface (else 127.0.0.1)
 * @param insecureDev   whether the gateway runs without authentication (a loud warning says so)
 */
public record StackOptions(Path home, Path logDir, String redisUrl, Ports ports, Duration readyTimeout,
                           boolean publicGateway, boolean insecureDev) {

    static final String USAGE = "--port-base=N, --redis-url=URL, --home=DIR, --log-dir=DIR, --ready-timeout=SECONDS, "
            + "--public, --insecure-dev";

    /**
     * Every port of the stack. Each service also has a plain-HTTP probe port ({@link #probe}) that answers
     * only liveness and readiness; the gateway's actuator is on its own mutual-TLS management port.
     *
     * @param probeOffset a service's probe port is its port plus this
     */
    public record Ports(int discovery, int gateway, int scheduler, int secrets, int health, int agentA, int agentB, int redis,
                        int gatewayManagement, int probeOffset) {

        /** How many consecutive ports {@link #from} takes. */
        public static final int SPAN = 16;

        static Ports wellKnown() {
            return new Ports(8761, 8080, 8081, 8082, 8083, 8091, 8092, 6379, 8180, 1000);
        }

        /** {@code base} … {@code base+6} services, {@code base+7} Redis, {@code base+8} … probes, {@code base+15} gateway management. */
        public static Ports from(int base) {
            return new Ports(base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6, base + 7, base + 15, 8);
        }

        /** The plain-HTTP probe port ({@code /livez}, {@code /readyz}) of the service on {@code servicePort}. */
        public int probe(int servicePort) {
            return servicePort + probeOffset;
        }
    }

    public static StackOptions parse(String[] args) {
        Path home = Path.of(System.getProperty("pacer.home", ".")).toAbsolutePath().normalize();
        Ports ports = Ports.wellKnown();
        String redisUrl = blankToNull(System.getenv("REDIS_URL"));
        Duration timeout = Duration.ofSeconds(120);
        Path logDir = null;
        boolean publicGateway = false;
        boolean insecureDev = false;
        for (String arg : args) {
            if (arg.startsWith("--port-base=")) {
                ports = Ports.from(Integer.parseInt(arg.substring("--port-base=".length())));
            } else if (arg.startsWith("--redis-url=")) {
                redisUrl = blankToNull(arg.substring("--redis-url=".length()));
            } else if (arg.startsWith("--home=")) {
                home = Path.of(arg.substring("--home=".length())).toAbsolutePath().normalize();
            } else if (arg.startsWith("--log-dir=")) {
                logDir = Path.of(arg.substring("--log-dir=".length())).toAbsolutePath().normalize();
            } else if (arg.startsWith("--ready-timeout=")) {
                timeout = Duration.ofSeconds(Long.parseLong(arg.substring("--ready-timeout=".length())));
            } else if (arg.equals("--public")) {
                publicGateway = true;
            } else if (arg.equals("--insecure-dev")) {
                insecureDev = true;
            } else {
                throw new IllegalArgumentException("unknown option " + arg + " (known: " + USAGE + ")");
            }
        }
        if (!Files.isRegularFile(home.resolve("pom.xml"))) {
            throw new IllegalArgumentException(home + " is not a Pacer checkout (no pom.xml); pass --home=DIR");
        }
        return new StackOptions(home, logDir != null ? logDir : home.resolve(".pacer/logs"), redisUrl, ports, timeout,
                publicGateway, insecureDev);
    }

    /** Where the stack keeps what it generates (CA, certificates, credentials, keys): the log dir's parent. */
    public Path stackDir() {
        return logDir.getParent();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
