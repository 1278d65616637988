package dev.pacer.stack;

import dev.pacer.contract.ApiPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        } catch (RuntimeException e) {
            System.err.println("pacer: the stack did not come up: " + e.getMessage());
            System.exit(1);
        }
        stack.printSummary(Duration.ofNanos(System.nanoTime() - started));
        stack.watch();
        stopped.await();
    }

    void start() {
        Leftovers.stopThoseListedIn(pidFile(), options.home());
        StackOptions.Ports ports = options.ports();
        if (options.redisUrl() != null) {
            redisUrl = options.redisUrl();
            System.out.println("Redis:      " + redact(redisUrl) + " (REDIS_URL)");
        } else {
            embeddedRedis = ChildProcess.redis(ports.redis(), options.logDir());
            redisUrl = "redis://127.0.0.1:" + ports.redis();
            awaitReady(List.of(embeddedRedis));
            System.out.println("Redis:      " + redisUrl + " (embedded redis-server)");
        }
        String eureka = "http://localhost:" + ports.discovery() + "/eureka/";
        List<String> common = List.of(
                "--spring.data.redis.url=" + redisUrl,
                "--eureka.client.service-url.defaultZone=" + eureka,
                "--eureka.instance.hostname=localhost");

        List<String> withKeys = new ArrayList<>(common);
        withKeys.add(StackSecrets.prepare(options.logDir().resolveSibling("secrets")).importArgument());
        List<String> agentCommon = new ArrayList<>(common); // agents need no key: they present the grant they got
        agentCommon.add("--pacer.agent.secrets.url=http://localhost:" + ports.secrets());

        discovery = launch("discovery-service", "discovery-service", ports.discovery(), common);
        awaitReady(List.of(discovery));
        List<ChildProcess> rest = List.of(
                launch("scheduler-service", "scheduler-service", ports.scheduler(), withKeys),
                launch("secrets-service", "secrets-service", ports.secrets(), withKeys),
                launch("health-service", "health-service", ports.health(), common),
                launch("agent-a", "agent-service", ports.agentA(), agent(agentCommon, "agent-a", "a", ports.agentA())),
                launch("agent-b", "agent-service", ports.agentB(), agent(agentCommon, "agent-b", "b", ports.agentB())),
                launch("gateway-service", "gateway-service", ports.gateway(), common));
        Leftovers.record(pidFile(), ProcessHandle.current());
        ownsPidFile = true;
        awaitReady(rest);
        awaitRoutable("http://localhost:" + ports.gateway() + ApiPaths.PING);
    }

    private ChildProcess launch(String name, String module, int port, List<String> args) {
        Path jar = options.home().resolve(module).resolve("target").resolve(module + ".jar");
        ChildProcess service = ChildProcess.service(name, jar, port, options.logDir(), args);
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
        System.out.printf("%nPacer is up in %.1f s.%n", took.toMillis() / 1000.0);
        System.out.println("  Gateway (Marathon API): http://localhost:" + ports.gateway() + "   e.g. curl localhost:" + ports.gateway() + "/v2/info");
        System.out.println("  Eureka dashboard:       http://localhost:" + ports.discovery() + "/");
        System.out.println("  Logs:");
        for (ChildProcess s : services) {
            System.out.printf("    %-18s :%-5d %s%n", s.name(), s.port(), s.log());
        }
        if (embeddedRedis != null) {
            System.out.printf("    %-18s :%-5d %s%n", embeddedRedis.name(), embeddedRedis.port(), embeddedRedis.log());
        }
        System.out.println("Press Ctrl-C to stop everything.");
        System.out.flush();
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
    private List<String> agent(List<String> common, String id, String zone, int apiPort) {
        List<String> args = new ArrayList<>(common);
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
