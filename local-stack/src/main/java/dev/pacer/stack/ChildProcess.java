package dev.pacer.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/** One process of the stack (a service JVM or redis-server), its output going to one log file. */
final class ChildProcess {

    /** Lean flags: ~5 s start-up and ~250 MiB each on 2 cores (STACK.md, pitfall 9). */
    private static final List<String> JVM_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final IntPredicate ready;

    private ChildProcess(String name, int port, Path log, Process process, IntPredicate ready) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.ready = ready;
    }

    /** A Spring Boot service from its jar; ready when its readiness probe answers 200. */
    static ChildProcess service(String name, Path jar, int port, Path logDir, List<String> args) {
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
        command.addAll(args);
        return start(name, port, logDir, command,
                p -> status("http://localhost:" + p + "/actuator/health/readiness") == 200);
    }

    /**
     * redis-server, in its own session where {@code setsid} exists: a Ctrl-C in the terminal then
     * reaches the services but not Redis, which the launcher stops last, after the services have
     * given back their leases.
     */
    static ChildProcess redis(Path binary, int port, Path logDir) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"));
        return start("redis", port, logDir, command, ChildProcess::listening);
    }

    private static ChildProcess start(String name, int port, Path logDir, List<String> command, IntPredicate ready) {
        Path log = logDir.resolve(name + ".log");
        try {
            Files.createDirectories(logDir);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ChildProcess(name, port, log, process, ready);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean isReady() {
        return process.isAlive() && ready.test(port);
    }

    /** SIGTERM (a graceful shutdown for Spring and Redis alike), then SIGKILL after {@code grace}. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
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

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
