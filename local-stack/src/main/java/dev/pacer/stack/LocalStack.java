package dev.pacer.stack;

import dev.pacer.contract.ApiPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The whole Pacer stack on one machine: an embedded redis-server (unless a Redis URL is given),
 * discovery, then gateway, scheduler, secrets, health and two agents (zones a and b), each in its own
 * JVM with its own log file. Ctrl-C (or SIGTERM) stops every process it started; if the launcher is
 * killed outright, the services notice their parent is gone and stop themselves, and the next run
 * stops whatever a previous run left behind.
 */
public final class LocalStack implements AutoCloseable {

    private final StackOptions options;
    private final List<ChildProcess> services = new ArrayList<>();
    private ChildProcess embeddedRedis;
    private ChildProcess discovery;
    private String redisUrl;
    private StackPki pki;
    private StackCredentials.Admin admin;
    private volatile boolean closing;
    private volatile boolean ownsPidFile;

    private LocalStack(StackOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        StackOptions options;
        try {
            options = StackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pacer: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stack.startedAnything()) {
                System.out.println("Stopping every process of the stack ...");
                stack.close();
                System.out.println("Stopped.");
            }
            stopped.countDown();
        }, "pacer-stop"));
        long started = System.nanoTime();
        try {
            stack.start();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("pacer: the stack did not come up: " + e);
            System.exit(1);
        }
        stack.printSummary(Duration.ofNanos(System.nanoTime() - started));
        stack.watch();
        stopped.await();
    }

    void start() {
        Leftovers.stopThoseListedIn(pidFile(), options.home());
        if (options.insecureDev()) {
            System.out.println(INSECURE_WARNING.trim());
        }
        StackOptions.Ports ports = options.ports();
        Path stackDir = options.stackDir();
        pki = StackPki.prepare(stackDir.resolve("tls"), IDENTITIES);
        admin = StackCredentials.admin(stackDir);
        if (options.redisUrl() != null) {
            redisUrl = options.redisUrl();
            System.out.println("Redis:      " + redact(redisUrl) + " (REDIS_URL)");
        } else {
            StackCredentials.Redis redis = StackCredentials.redis(stackDir);
            embeddedRedis = ChildProcess.redis(ports.redis(), redis.config(), options.logDir());
            redisUrl = redis.url(ports.redis());
            awaitReady(List.of(embeddedRedis));
            System.out.println("Redis:      " + redact(redisUrl) + " (embedded redis-server; ACL user "
                    + StackCredentials.REDIS_USER + ", password in " + shown(stackDir.resolve("redis/password")) + ")");
        }
        Path keys = StackSecrets.prepare(stackDir.resolve("secrets")).file();
        List<String> internal = List.of(
                "--eureka.client.service-url.defaultZone=https://localhost:" + ports.discovery() + "/eureka/",
                "--eureka.instance.hostname=localhost",
                "--server.address=127.0.0.1");

        discovery = launch("discovery-service", ports.discovery(), internal, config("discovery-service"));
        awaitReady(List.of(discovery));
        List<ChildProcess> rest = List.of(
                launch("scheduler-service", ports.scheduler(), internal, config("scheduler-service"), keys),
                launch("secrets-service", ports.secrets(), internal, config("secrets-service"), keys),
                launch("health-service", ports.health(), internal, config("health-service")),
                launch("agent-a", ports.agentA(), agent("agent-a", "a", ports.agentA()), config("agent-a")),
                launch("agent-b", ports.agentB(), agent("agent-b", "b", ports.agentB()), config("agent-b")),
                launch("gateway-service", ports.gateway(), gateway(), gatewayConfig()));
        Leftovers.record(pidFile(), ProcessHandle.current());
        ownsPidFile = true;
        awaitReady(rest);
        awaitRoutable("http://localhost:" + ports.gateway() + ApiPaths.PING);
    }

    /** Directory of each process's certificate, and the identity it names (its subject's common name). */
    static final Map<String, String> IDENTITIES = orderedMap(
            "discovery-service", "discovery", "gateway-service", "gateway", "scheduler-service", "scheduler",
            "secrets-service", "secrets", "health-service", "health", "agent-a", "agent:agent-a", "agent-b", "agent:agent-b",
            StackPki.OPERATOR, "operator", StackPki.PROMETHEUS, "prometheus");

    /** What a process must not get on its command line (visible to every user of the machine): 0600 file. */
    private Path config(String name, String... more) {
        List<String> lines = new ArrayList<>(pki.properties(name));
        lines.add("spring.data.redis.url=" + redisUrl);
        // seven JVMs starting at once on a laptop's cores: a first connection (TLS, Redis) can take seconds
        lines.add("spring.data.redis.timeout=5s");
        lines.addAll(List.of(more));
        Path file = options.stackDir().resolve("config").resolve(name + ".properties");
        try {
            OwnerOnly.write(file, "# written by the local stack on every run; never commit\n" + String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private Path gatewayConfig() {
        return config("gateway-service", gatewaySecurity(admin, options.insecureDev()).toArray(String[]::new));
    }

    /** The gateway's bootstrap admin (its encoded password only), and no authentication with {@code --insecure-dev}. */
    static List<String> gatewaySecurity(StackCredentials.Admin admin, boolean insecureDev) {
        List<String> security = new ArrayList<>(List.of(
                "pacer.gateway.security.admin.name=" + admin.name(),
                "pacer.gateway.security.admin.password=" + admin.encoded()));
        if (insecureDev) {
            security.add("pacer.gateway.security.enabled=false");
        }
        return security;
    }

    private List<String> gateway() {
        StackOptions.Ports ports = options.ports();
        List<String> args = new ArrayList<>(List.of(
                "--eureka.client.service-url.defaultZone=https://localhost:" + ports.discovery() + "/eureka/",
                "--eureka.instance.hostname=localhost",
                "--management.server.port=" + ports.gatewayManagement(),
                "--management.server.address=127.0.0.1"));
        if (!options.publicGateway()) {
            args.add("--server.address=127.0.0.1");
        }
        return args;
    }

    private ChildProcess launch(String name, int port, List<String> args, Path config, Path... moreConfig) {
        String module = name.startsWith("agent-") ? "agent-service" : name;
        Path jar = options.home().resolve(module).resolve("target").resolve(module + ".jar");
        List<String> all = new ArrayList<>(args);
        StringBuilder imports = new StringBuilder("--spring.config.import=file:" + config);
        for (Path more : moreConfig) {
            imports.append(",optional:file:").append(more);
        }
        all.add(imports.toString());
        ChildProcess service = ChildProcess.service(name, jar, port, options.ports().probe(port), options.logDir(), all);
        services.add(service);
        return service;
    }

    private void awaitReady(List<ChildProcess> batch) {
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        List<ChildProcess> waiting = new ArrayList<>(batch);
        while (!waiting.isEmpty()) {
            for (ChildProcess s : List.copyOf(waiting)) {
                if (!s.isAlive()) {
                    throw new IllegalStateException(s.name() + " exited during start-up; see " + s.log());
                }
                if (s.isReady()) {
                    waiting.remove(s);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + options.readyTimeout().toSeconds() + " s: "
                        + waiting.stream().map(s -> s.name() + " (" + s.log() + ")").collect(Collectors.joining(", ")));
            }
            pause();
        }
    }

    /**
     * The gateway resolves {@code lb://scheduler-service} from Eureka: wait until a request gets through
     * ({@code /ping} is routed to the scheduler and needs no credentials).
     */
    private void awaitRoutable(String url) {
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        while (ChildProcess.status(url) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway does not route " + url + " to the scheduler");
            }
            pause();
        }
    }

    private void printSummary(Duration took) {
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

    /** Reports a service that dies while the stack runs (the others keep running). */
    private void watch() {
        for (ChildProcess s : services) {
            s.handle().onExit().thenRun(() -> {
                if (!closing) {
                    System.out.println("!! " + s.name() + " exited; see " + s.log());
                }
            });
        }
    }

    /**
     * The services first, all at once (they give back their leases and leave the cluster through
     * Redis, and deregister from Eureka), then discovery, then Redis.
     */
    @Override
    public synchronized void close() {
        closing = true;
        // tasks run in their own sessions and outlive an agent on purpose; a dev stack stops them too
        List<ProcessHandle> tasks = services.stream().filter(s -> s.name().startsWith("agent-"))
                .flatMap(s -> s.handle().descendants()).toList();
        services.stream().filter(s -> s != discovery).parallel().forEach(s -> s.stop(Duration.ofSeconds(15)));
        stopTasks(tasks);
        if (discovery != null) {
            discovery.stop(Duration.ofSeconds(15));
        }
        if (embeddedRedis != null) {
            embeddedRedis.stop(Duration.ofSeconds(5));
        }
        if (ownsPidFile) {
            try {
                Files.deleteIfExists(pidFile());
            } catch (IOException ignored) {
                // the next run checks the pids it lists and finds them gone
            }
        }
    }

    static final int TASK_PORTS_PER_AGENT = 40;

    /**
     * First host port an agent of the local stack hands to tasks, derived from its API port. Always
     * below Linux's ephemeral range (32768+): a long-lived outgoing connection (an agent's keep-alive
     * to Eureka, a client's to the gateway) holding a task port as its local port makes the task's
     * bind fail with "Address already in use".
     */
    static int firstTaskPort(int agentApiPort) {
        return 20_000 + (agentApiPort % 300) * TASK_PORTS_PER_AGENT;
    }

    private static void stopTasks(List<ProcessHandle> tasks) {
        tasks.forEach(ProcessHandle::destroy);
        for (ProcessHandle task : tasks) {
            task.onExit().completeOnTimeout(task, 5, java.util.concurrent.TimeUnit.SECONDS).join();
        }
        tasks.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private boolean startedAnything() {
        return !services.isEmpty() || embeddedRedis != null;
    }

    private Path pidFile() {
        return options.logDir().resolve("stack.pids");
    }

    /**
     * Two agents share this machine: each gets its own id, zone, work directory and a disjoint range
     * of host ports for its tasks (derived from its API port, so two stacks side by side differ too).
     */
    private List<String> agent(String id, String zone, int apiPort) {
        StackOptions.Ports ports = options.ports();
        List<String> args = new ArrayList<>(List.of(
                "--eureka.client.service-url.defaultZone=https://localhost:" + ports.discovery() + "/eureka/",
                "--eureka.instance.hostname=localhost",
                "--server.address=127.0.0.1",
                // agents need no key: they present the grant they got (and their certificate)
                "--pacer.agent.secrets.url=https://localhost:" + ports.secrets()));
        int firstPort = firstTaskPort(apiPort);
        args.add("--pacer.agent.id=" + id);
        args.add("--pacer.agent.zone=" + zone);
        // a dev machine is shared by both agents and overcommitted on purpose: room for a few apps at Marathon's default 1 cpu
        args.add("--pacer.agent.cpus=8");
        args.add("--pacer.agent.mem=8192");
        args.add("--pacer.agent.ports=" + firstPort + "-" + (firstPort + TASK_PORTS_PER_AGENT - 1));
        args.add("--pacer.agent.work-dir=" + options.logDir().resolveSibling("agents").resolve(id));
        return args;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** A path as the user typed it when it is under the working directory, else absolute. */
    private static String shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
