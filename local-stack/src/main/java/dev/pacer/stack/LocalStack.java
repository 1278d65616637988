package dev.pacer.stack;

import dev.pacer.contract.ApiPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    private final StackProgress progress = StackProgress.toStdout();
    private final List<ChildProcess> services = new ArrayList<>();
    private ChildProcess embeddedRedis;
    private ChildProcess discovery;
    private StackCredentials.Admin admin;
    private StackSummary summary;
    private volatile boolean closing;
    private volatile boolean ownsPidFile;

    private LocalStack(StackOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        if (StackOptions.helpRequested(args)) {
            System.out.print(StackOptions.USAGE);
            return;
        }
        if (args.length == 1 && args[0].startsWith(ComposeSecrets.OPTION)) {
            ComposeSecrets.main(args[0], Path.of(System.getProperty("pacer.home", ".")).toAbsolutePath().normalize());
            return;
        }
        StackOptions options;
        try {
            options = StackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pacer: " + e.getMessage());
            System.err.print(StackOptions.USAGE);
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
        stack.summary.print(Duration.ofNanos(System.nanoTime() - started), stack.services, stack.embeddedRedis);
        stack.watch();
        stopped.await();
    }

    void start() {
        Leftovers.stopThoseListedIn(pidFile(), options.home());
        if (options.insecureDev()) {
            System.out.println(StackSummary.INSECURE_WARNING.trim());
        }
        StackOptions.Ports ports = options.ports();
        Path stackDir = options.stackDir();
        StackPki pki = StackPki.prepare(stackDir.resolve("tls"), StackProcesses.IDENTITIES);
        admin = StackCredentials.admin(stackDir);
        progress.step("certificates and credentials in " + StackSummary.shown(stackDir));
        String redisUrl;
        if (options.redisUrl() != null) {
            redisUrl = options.redisUrl();
            progress.step("Redis:      " + redact(redisUrl) + " (REDIS_URL)");
        } else {
            StackCredentials.Redis redis = StackCredentials.redis(stackDir);
            embeddedRedis = ChildProcess.redis(ports.redis(), redis, options.logDir());
            redisUrl = redis.url(ports.redis());
            awaitReady(List.of(embeddedRedis));
            progress.step("Redis:      " + redact(redisUrl) + " (embedded redis-server; ACL user " + StackCredentials.REDIS_USER
                    + ", password in " + StackSummary.shown(stackDir.resolve("redis/password")) + ", AOF in " + StackSummary.shown(redis.dataDir()) + ")");
        }
        summary = new StackSummary(options, pki, admin);
        Path keys = StackSecrets.prepare(stackDir.resolve("secrets")).file();
        StackProcesses processes = new StackProcesses(options, pki, admin, redisUrl);

        discovery = launch("discovery-service", ports.discovery(), processes.discovery(), processes.config("discovery-service"));
        awaitReady(List.of(discovery));
        List<ChildProcess> rest = List.of(
                launch("scheduler-service", ports.scheduler(), processes.internal(), processes.config("scheduler-service"), keys),
                launch("secrets-service", ports.secrets(), processes.internal(), processes.config("secrets-service"), keys),
                launch("health-service", ports.health(), processes.internal(), processes.config("health-service")),
                launch("agent-a", ports.agentA(), processes.agent("agent-a", "a", ports.agentA()), processes.config("agent-a")),
                launch("agent-b", ports.agentB(), processes.agent("agent-b", "b", ports.agentB()), processes.config("agent-b")),
                launch("gateway-service", ports.gateway(), processes.gateway(), processes.gatewayConfig()));
        Leftovers.record(pidFile(), ProcessHandle.current());
        ownsPidFile = true;
        awaitReady(rest);
        progress.step("waiting for the gateway to route " + ApiPaths.PING + " to the scheduler (via Eureka) ...");
        awaitRoutable("http://localhost:" + ports.gateway() + ApiPaths.PING);
        progress.step("the gateway routes " + ApiPaths.PING + " to the scheduler");
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
        progress.started(name, port, StackSummary.shown(service.log()));
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
                    progress.ready(s.name(), s.age());
                }
            }
            if (!waiting.isEmpty()) {
                progress.waiting(waiting.stream().map(ChildProcess::name).toList());
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
            progress.waiting(List.of("the gateway's route to the scheduler"));
            pause();
        }
    }

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
            task.onExit().completeOnTimeout(task, 5, TimeUnit.SECONDS).join();
        }
        tasks.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private boolean startedAnything() {
        return !services.isEmpty() || embeddedRedis != null;
    }

    private Path pidFile() {
        return options.logDir().resolve("stack.pids");
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
