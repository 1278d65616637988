package dev.pacer.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the launcher prints once the stack is up: the gateway and how to authenticate there (the admin
 * credential itself on the first run only), the Eureka dashboard and internal ports with the operator's
 * certificate, the ports and logs of every process.
 */
final class StackSummary {

    private final StackOptions options;
    private final StackPki pki;
    private final StackCredentials.Admin admin;

    StackSummary(StackOptions options, StackPki pki, StackCredentials.Admin admin) {
        this.options = options;
        this.pki = pki;
        this.admin = admin;
    }

    /** Where to reach what, after the stack came up. */
    void print(Duration took, List<ChildProcess> services, ChildProcess embeddedRedis) {
        StackOptions.Ports ports = options.ports();
        String gateway = "localhost:" + ports.gateway();
        Path tls = pki.dir();
        System.out.printf("%nPacer is up in %.1f s.%n", took.toMillis() / 1000.0);
        credentialLines(admin, gateway, options.insecureDev()).forEach(System.out::println);
        if (options.publicGateway()) {
            System.out.println("  The gateway listens on every interface (--public), in plain HTTP (HTTPS: server.ssl.* in its config).");
        }
        System.out.println("  Eureka dashboard:       https://localhost:" + ports.discovery() + "/   (client certificate "
                + shown(tls.resolve(StackPki.OPERATOR).resolve(StackPki.P12)) + ", password in "
                + shown(tls.resolve(StackPki.OPERATOR).resolve(StackPki.P12_PASSWORD)) + ")");
        System.out.println("  Internal ports need a certificate of the stack's CA, e.g. curl --cacert " + shown(pki.ca())
                + " --cert " + shown(tls.resolve("operator/cert.pem")) + " --key " + shown(tls.resolve("operator/key.pem"))
                + " https://localhost:" + ports.scheduler() + "/v2/info");
        System.out.println("  Logs (port, plain-HTTP probe port /livez /readyz, log file):");
        for (ChildProcess s : services) {
            System.out.printf("    %-18s :%-5d :%-5d %s%n", s.name(), s.port(), ports.probe(s.port()), shown(s.log()));
        }
        if (embeddedRedis != null) {
            System.out.printf("    %-18s :%-5d %-6s %s%n", embeddedRedis.name(), embeddedRedis.port(), "", shown(embeddedRedis.log()));
        }
        System.out.println("Press Ctrl-C to stop everything.");
        System.out.flush();
    }

    /**
     * How to call the gateway: the admin credential itself when this run generated it (the one time it is
     * shown), else where it is kept; with {@code --insecure-dev}, the warning instead.
     */
    static List<String> credentialLines(StackCredentials.Admin admin, String gateway, boolean insecureDev) {
        if (insecureDev) {
            return List.of("  Gateway (Marathon API): http://" + gateway + "   e.g. curl " + gateway + "/v2/info", INSECURE_WARNING);
        }
        if (admin.created()) {
            return List.of(
                    "  Gateway (Marathon API): http://" + gateway + "   e.g. curl -u " + admin.name() + ":" + admin.password()
                            + " " + gateway + "/v2/info",
                    "  Admin credential:       " + admin.name() + " / " + admin.password() + "   (shown this once; kept in "
                            + shown(admin.file()) + ", mode 0600)");
        }
        return List.of(
                "  Gateway (Marathon API): http://" + gateway + "   e.g. curl -u \"$(cat " + shown(admin.file()) + ")\" "
                        + gateway + "/v2/info",
                "  Admin credential:       in " + shown(admin.file()) + " (name:password, mode 0600)");
    }

    static final String INSECURE_WARNING = "  !!! --insecure-dev: the gateway runs WITHOUT AUTHENTICATION: whoever reaches its port can "
            + "create, change and delete every app. Never use it on a shared machine. !!!";

    /** A path as the user typed it when it is under the working directory, else absolute. */
    static String shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

}
