package dev.pacer.stack;

import static org.awaitility.Awaitility.await;

import dev.pacer.testsupport.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * One whole stack per test JVM for the suites that need a running stack but do not test the launcher
 * itself (the authorization matrix, the hostile-input suite): started lazily through the launcher jar
 * exactly as {@code ./run-local.sh} starts it, with three gateway users and prefix rules, and stopped
 * when the JVM exits. {@link LocalStackIT} keeps its own stack because it tests start and stop.
 *
 * <p>Users: {@code admin} (the launcher's bootstrap admin, allowed everything; its credential file is
 * written before the first start so that the password is known), {@code alice} (group {@code team-a}: every action
 * under {@code /team-a}) and {@code bob} (group {@code team-b}: every action under {@code /team-b}).
 *
 * <p>Internal ports need mutual TLS: {@link #internal} builds their https URLs and {@link #internalClient}
 * presents the operator's certificate; {@link #probe} is a service's plain liveness/readiness port.
 * {@link #redisUrl} carries Redis's ACL user and password.
 */
final class SharedStack {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    /** The stack's own directory (its {@code .pacer/}): logs, CA and certificates, credentials, agents' work dirs. */
    static final Path STACK_DIR = Path.of("target", "shared-stack").toAbsolutePath();
    private static final StackFiles FILES = new StackFiles(STACK_DIR);
    static final String ADMIN = basic("admin", "admin-pw");
    static final String ALICE = basic("alice", "alice-pw");
    static final String BOB = basic("bob", "bob-pw");

    private static SharedStack instance;

    private final StackOptions.Ports ports;
    private final Process launcher;
    private final Path output;

    private SharedStack(StackOptions.Ports ports, Process launcher, Path output) {
        this.ports = ports;
        this.launcher = launcher;
        this.output = output;
    }

    /** The running stack, started on first use. */
    static synchronized SharedStack get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    StackOptions.Ports ports() {
        return ports;
    }

    String gateway(String pathAndQuery) {
        return "http://localhost:" + ports.gateway() + pathAndQuery;
    }

    /** Redis with its ACL user and password. */
    String redisUrl() {
        return FILES.redisUrl(ports.redis());
    }

    /** The https URL of an internal port (e.g. {@code internal(ports().scheduler(), "/v2/apps")}); see {@link #internalClient}. */
    String internal(int port, String pathAndQuery) {
        return "https://localhost:" + port + pathAndQuery;
    }

    /** A client for {@link #internal} URLs presenting the operator's certificate. */
    Http.Client internalClient() {
        return Http.client(operatorTls());
    }

    /** Presents the operator's certificate, trusts only the stack's CA. */
    SSLContext operatorTls() {
        return FILES.operatorTls();
    }

    /** The plain-HTTP probe port of the service on {@code servicePort}: {@code /livez}, {@code /readyz}, nothing else. */
    String probe(int servicePort, String path) {
        return "http://127.0.0.1:" + ports.probe(servicePort) + path;
    }

    Path stackDir() {
        return STACK_DIR;
    }

    /** {@code admin:admin-pw}: the launcher's bootstrap admin (also {@link #ADMIN}). */
    String adminCredential() {
        return FILES.adminCredential();
    }

    /** The launcher's output (where it printed what it started). */
    Path output() {
        return output;
    }

    private static SharedStack start() {
        try {
            int base = LocalStackIT.freePortRange(StackOptions.Ports.SPAN);
            StackOptions.Ports ports = StackOptions.Ports.from(base);
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            Path gatewayConfig = target.resolve("shared-stack-gateway.properties");
            Files.writeString(gatewayConfig, String.join("\n", List.of(
                    "pacer.gateway.security.users[0].name=alice",
                    "pacer.gateway.security.users[0].password={noop}alice-pw",
                    "pacer.gateway.security.users[0].groups=team-a",
                    "pacer.gateway.security.users[1].name=bob",
                    "pacer.gateway.security.users[1].password={noop}bob-pw",
                    "pacer.gateway.security.users[1].groups=team-b",
                    "pacer.gateway.authz.rules[0].groups=team-a",
                    "pacer.gateway.authz.rules[0].prefixes=/team-a",
                    "pacer.gateway.authz.rules[0].actions=view,create,update,delete,kill",
                    "pacer.gateway.authz.rules[1].groups=team-b",
                    "pacer.gateway.authz.rules[1].prefixes=/team-b",
                    "pacer.gateway.authz.rules[1].actions=view,create,update,delete,kill",
                    // the suites send hundreds of writes as one user: the write rate limit is not what they test
                    "pacer.gateway.rate-limit.replenish-rate=10000",
                    "pacer.gateway.rate-limit.burst-capacity=10000",
                    "")));
            Path output = target.resolve("shared-stack.out");
            LocalStackIT.deleteRecursively(STACK_DIR);
            // the launcher keeps (and uses) an existing credential: admin is its bootstrap admin (may do everything)
            Files.createDirectories(STACK_DIR);
            Files.writeString(STACK_DIR.resolve(StackCredentials.ADMIN_FILE), "admin:admin-pw\n");
            Files.setPosixFilePermissions(STACK_DIR.resolve(StackCredentials.ADMIN_FILE),
                    PosixFilePermissions.fromString("rw-------"));
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", HOME.resolve("local-stack/target/local-stack.jar").toString(),
                    "--home=" + HOME, "--port-base=" + base,
                    // a build machine shared by several stacks and builds can take minutes to start one
                    "--ready-timeout=300",
                    "--log-dir=" + STACK_DIR.resolve("logs"))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            // every child inherits it; only the gateway reads these properties
            builder.environment().put("SPRING_CONFIG_ADDITIONALLOCATION", "optional:file:" + gatewayConfig);
            // a loaded build machine can take longer than the default 2 s to open a Redis connection at start
            builder.environment().put("SPRING_DATA_REDIS_CONNECT_TIMEOUT", "10s");
            builder.environment().put("SPRING_DATA_REDIS_TIMEOUT", "10s");
            Process launcher = builder.start();
            SharedStack stack = new SharedStack(ports, launcher, output);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "shared-stack-stop"));
            try {
                await().atMost(Duration.ofSeconds(330)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!launcher.isAlive()) {
                        throw new AssertionError("the launcher exited:\n" + Files.readString(output));
                    }
                    return Files.readString(output).contains("Press Ctrl-C to stop everything.");
                });
            } catch (RuntimeException | AssertionError e) {
                stack.stop(); // the next suite then starts a stack of its own instead of finding this one half up
                throw e;
            }
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As Ctrl-C: SIGTERM to the launcher, which stops every service; whatever is left is killed. */
    private void stop() {
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy();
        launcher.onExit().completeOnTimeout(launcher, 60, TimeUnit.SECONDS).join();
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
