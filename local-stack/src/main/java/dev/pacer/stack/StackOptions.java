package dev.pacer.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * How to bring the stack up. Defaults are the well-known ports of the README; {@code --port-base=N}
 * puts every process on N, N+1, ... instead (the end-to-end tests use it to run beside a dev stack).
 *
 * @param home          the checkout: where {@code <service>/target/<service>.jar} are found
 * @param logDir        one log file per process; the pid file of the running stack sits beside it, and the
 *                      stack's generated material (CA and certificates, credentials, the embedded Redis's data)
 *                      in its parent directory
 * @param redisUrl      an existing Redis to use; null starts the embedded redis-server
 * @param publicGateway whether the gateway's public port listens on every interface (else 127.0.0.1)
 * @param insecureDev   whether the gateway runs without authentication (a loud warning says so)
 */
public record StackOptions(Path home, Path logDir, String redisUrl, Ports ports, Duration readyTimeout,
                           boolean publicGateway, boolean insecureDev) {

    /**
     * Every option, as {@code --help} prints it: {@code usage.txt} beside this class, which run-local.sh prints too
     * (it answers {@code --help} before anything is built).
     */
    static final String USAGE = usage();

    private static String usage() {
        try (InputStream in = StackOptions.class.getResourceAsStream("usage.txt")) {
            if (in == null) {
                throw new IllegalStateException("usage.txt is missing from the launcher");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read usage.txt", e);
        }
    }

    /** True when the arguments ask for the usage ({@code -h} or {@code --help} anywhere). */
    static boolean helpRequested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

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
                ports = Ports.from(number(arg, 1, 65535 - Ports.SPAN));
            } else if (arg.startsWith("--redis-url=")) {
                redisUrl = blankToNull(arg.substring("--redis-url=".length()));
            } else if (arg.startsWith("--home=")) {
                home = Path.of(arg.substring("--home=".length())).toAbsolutePath().normalize();
            } else if (arg.startsWith("--log-dir=")) {
                logDir = Path.of(arg.substring("--log-dir=".length())).toAbsolutePath().normalize();
            } else if (arg.startsWith("--ready-timeout=")) {
                timeout = Duration.ofSeconds(number(arg, 1, 24 * 3600));
            } else if (arg.equals("--public")) {
                publicGateway = true;
            } else if (arg.equals("--insecure-dev")) {
                insecureDev = true;
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (!Files.isRegularFile(home.resolve("pom.xml"))) {
            throw new IllegalArgumentException(home + " is not a Pacer checkout (no pom.xml); pass --home=DIR");
        }
        return new StackOptions(home, logDir != null ? logDir : home.resolve(".pacer/logs"), redisUrl, ports, timeout,
                publicGateway, insecureDev);
    }

    /** Where the stack keeps what it generates (CA, certificates, credentials, keys, Redis's data): the log dir's parent. */
    public Path stackDir() {
        return logDir.getParent();
    }

    /** The number after {@code =}, within {@code [min, max]}, or a message naming the option. */
    private static int number(String arg, int min, int max) {
        String name = arg.substring(0, arg.indexOf('='));
        String value = arg.substring(arg.indexOf('=') + 1);
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " needs a number from " + min + " to " + max + ", got '" + value + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
