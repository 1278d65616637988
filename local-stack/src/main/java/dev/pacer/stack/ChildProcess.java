package dev.pacer.stack;

import dev.pacer.runtime.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** One process of the stack (a service JVM or redis-server) with the check that says it is ready. */
final class ChildProcess {

    /** Lean flags: ~5 s start-up and ~250 MiB each on 2 cores (STACK.md, pitfall 9). */
    private static final List<String> JVM_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ManagedProcess process;
    private final int port;
    private final IntPredicate ready;
    private final long startedAt = System.nanoTime();

    private ChildProcess(ManagedProcess process, int port, IntPredicate ready) {
        this.process = process;
        this.port = port;
        this.ready = ready;
    }

    /** How long ago it was started. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /**
     * A Spring Boot service from its jar, with its plain-HTTP probe port on 127.0.0.1; ready when
     * {@code /readyz} answers 200 there (its own port needs a client certificate).
     */
    static ChildProcess service(String name, Path jar, int port, int probePort, Path logDir, List<String> args) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-Dpacer.parent-pid=" + ProcessHandle.current().pid());
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--pacer.probes.port=" + probePort);
        command.add("--pacer.probes.address=127.0.0.1");
        command.addAll(args);
        return new ChildProcess(ManagedProcess.start(name, command, logDir), port,
                p -> status("http://127.0.0.1:" + probePort + "/readyz") == 200);
    }

    /**
     * The embedded redis-server reading {@code redis}'s config (its ACL) and persisting in its data directory
     * (created 0700 if missing), in its own session (see {@link ManagedProcess#redisServerCommand(int, Path, Path)});
     * ready when its ACL user's PING answers, i.e. once it has replayed its append-only file.
     */
    static ChildProcess redis(int port, StackCredentials.Redis redis, Path logDir) {
        try {
            OwnerOnly.directory(redis.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Redis's data directory " + redis.dataDir(), e);
        }
        List<String> command = ManagedProcess.redisServerCommand(port, redis.config(), redis.dataDir());
        return new ChildProcess(ManagedProcess.start("redis", command, logDir), port,
                p -> RedisPing.answers(p, StackCredentials.REDIS_USER, redis.password()));
    }

    String name() {
        return process.name();
    }

    int port() {
        return port;
    }

    Path log() {
        return process.log();
    }

    ProcessHandle handle() {
        return process.handle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean isReady() {
        return process.isAlive() && ready.test(port);
    }

    /** SIGTERM, then SIGKILL after {@code grace}. */
    void stop(Duration grace) {
        process.stop(grace);
    }

    static int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
