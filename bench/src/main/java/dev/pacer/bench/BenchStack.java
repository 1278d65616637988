package dev.pacer.bench;

import dev.pacer.contract.ApiPaths;
import dev.pacer.runtime.ManagedProcess;
import dev.pacer.testsupport.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmark runs against, started by itself on free ports: one redis-server (the embedded
 * binary) and one scheduler-service JVM pointed at it, with Eureka off. {@link #close()} stops the
 * scheduler, then Redis; it is safe to call twice (the shutdown hook and the normal path both do).
 */
final class BenchStack implements AutoCloseable {

    private final BenchOptions options;
    private final List<ManagedProcess> started = new ArrayList<>();
    private boolean closed;
    private ManagedProcess scheduler;
    private ManagedProcess redis;
    private String schedulerUrl;
    private String redisUrl;

    BenchStack(BenchOptions options) {
        this.options = options;
    }

    /** Starts Redis, then the scheduler, and waits for its readiness; stops both if that fails. */
    void start() {
        try {
            startRedis();
            startScheduler();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String schedulerUrl() {
        return schedulerUrl;
    }

    String redisUrl() {
        return redisUrl;
    }

    long schedulerPid() {
        return scheduler.pid();
    }

    ProcessHandle schedulerProcess() {
        return scheduler.handle();
    }

    ProcessHandle redisProcess() {
        return redis.handle();
    }

    Path schedulerLog() {
        return scheduler.log();
    }

    private void startRedis() {
        int port = FreePorts.next();
        redis = track(ManagedProcess.start("redis", ManagedProcess.redisServerCommand(port), options.logDir()));
        redis.awaitReady(() -> ManagedProcess.listening(port), Duration.ofSeconds(10));
        redisUrl = "redis://127.0.0.1:" + port;
    }

    private void startScheduler() {
        Path jar = options.home().resolve("scheduler-service/target/scheduler-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first "
                    + "(./mvnw -o -q -pl scheduler-service,bench -am package -DskipTests)");
        }
        int port = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.schedulerJvmOptions());
        // the service exits by itself if this JVM is killed outright (service-autoconfigure)
        command.add("-Dpacer.parent-pid=" + ProcessHandle.current().pid());
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.data.redis.url=" + redisUrl,
                "--eureka.client.enabled=false"));
        command.addAll(options.schedulerArgs());
        scheduler = track(ManagedProcess.start("scheduler-service", command, options.logDir()));
        schedulerUrl = "http://127.0.0.1:" + port;
        MarathonClient probe = new MarathonClient(schedulerUrl, Duration.ofSeconds(2));
        scheduler.awaitReady(() -> answers200(probe, ApiPaths.ACTUATOR_READINESS), options.readyTimeout());
    }

    /**
     * Starts an agent-service JVM on the simulated runtime (no processes: a launch reports running at
     * once) with the given capacity, registered in this stack's Redis; returns its API URL when ready.
     */
    String startSimulatedAgent(String id, int cpus, int memMb) {
        return startAgent(id, List.of("--pacer.agent.runtime=simulated", "--pacer.agent.cpus=" + cpus,
                "--pacer.agent.mem=" + memMb));
    }

    /** Starts an agent-service JVM with {@code args} (its runtime, capacity...); returns its API URL when ready. */
    String startAgent(String id, List<String> args) {
        Path jar = options.home().resolve("agent-service/target/agent-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first "
                    + "(./mvnw -o -q -pl scheduler-service,agent-service,bench -am package -DskipTests)");
        }
        int port = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.schedulerJvmOptions());
        command.add("-Dpacer.parent-pid=" + ProcessHandle.current().pid());
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.data.redis.url=" + redisUrl,
                "--eureka.client.enabled=false", "--pacer.agent.id=" + id, "--pacer.agent.host=127.0.0.1",
                "--pacer.agent.work-dir=" + options.logDir().resolve("agents").resolve(id)));
        command.addAll(args);
        ManagedProcess agent = track(ManagedProcess.start(id, command, options.logDir()));
        String url = "http://127.0.0.1:" + port;
        MarathonClient probe = new MarathonClient(url, Duration.ofSeconds(2));
        agent.awaitReady(() -> answers200(probe, ApiPaths.ACTUATOR_READINESS), options.readyTimeout());
        return url;
    }

    /** Remembers a process to stop; one started while closing (Ctrl-C during start-up) is stopped at once. */
    private synchronized ManagedProcess track(ManagedProcess process) {
        started.add(process);
        if (closed) {
            process.stop(Duration.ofSeconds(5));
            throw new IllegalStateException("stopping");
        }
        return process;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop(Duration.ofSeconds(15));
        }
    }

    private static boolean answers200(MarathonClient client, String path) {
        try {
            return client.get(path).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
