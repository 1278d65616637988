package dev.pacer.agent.health;

import dev.pacer.boot.health.ProbeOutcome;
import dev.pacer.contract.health.ProbeUri;
import dev.pacer.contract.marathon.app.HealthCheck;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The checks an agent runs beside its tasks, each bounded by its timeout: {@code COMMAND} runs
 * {@code /bin/sh -c <value>} in the task's sandbox with the task's environment (exit 0 = healthy; on
 * timeout the command and its children are killed); {@code MESOS_HTTP}/{@code MESOS_HTTPS} GET
 * {@code path} on the task's port on this host (200–399 healthy; certificates not verified; the URI built
 * by {@link ProbeUri}, so a path never names another host); {@code MESOS_TCP} connects. Answers null when
 * healthy, else the cause.
 */
final class AgentProbe {

    private static final HttpClient HTTP = client();
    private static final String LOOPBACK = "127.0.0.1";

    private AgentProbe() {
    }

    static String run(HealthCheck check, Integer port, Path sandbox, Map<String, String> env, Duration timeout) {
        return run(check, port, sandbox, env, timeout, List.of());
    }

    /** @param beside what a {@code COMMAND} is prefixed with to run as the task does (its cgroups, its user) */
    static String run(HealthCheck check, Integer port, Path sandbox, Map<String, String> env, Duration timeout,
                      List<String> beside) {
        return switch (check.protocol()) {
            case HealthCheck.COMMAND -> command(check.command() == null ? null : check.command().value(), sandbox, env,
                    timeout, beside);
            case HealthCheck.MESOS_HTTP, HealthCheck.MESOS_HTTPS -> http(check, port, timeout);
            case HealthCheck.MESOS_TCP -> tcp(port, timeout);
            default -> "protocol " + check.protocol() + " is not run by the agent";
        };
    }

    static String command(String value, Path sandbox, Map<String, String> env, Duration timeout) {
        return command(value, sandbox, env, timeout, List.of());
    }

    static String command(String value, Path sandbox, Map<String, String> env, Duration timeout, List<String> beside) {
        if (value == null || value.isEmpty()) {
            return "no command";
        }
        List<String> command = new ArrayList<>(beside);
        command.addAll(List.of("/bin/sh", "-c", value));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (sandbox != null && sandbox.toFile().isDirectory()) {
            builder.directory(sandbox.toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return "could not start: " + e.getMessage();
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return ProbeOutcome.timedOut(timeout).cause();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        int code = process.exitValue();
        return code == 0 ? null : "exit code " + code;
    }

    private static String http(HealthCheck check, Integer port, Duration timeout) {
        if (port == null) {
            return "no port";
        }
        URI uri;
        try {
            uri = ProbeUri.of(HealthCheck.MESOS_HTTPS.equals(check.protocol()), LOOPBACK, port, check.path());
        } catch (IllegalArgumentException e) {
            return "no probe address for port " + port;
        }
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 400 ? null : "HTTP " + status;
        } catch (HttpTimeoutException e) {
            return ProbeOutcome.timedOut(timeout).cause();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String tcp(Integer port, Duration timeout) {
        if (port == null) {
            return "no port";
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), (int) timeout.toMillis());
            return null;
        } catch (SocketTimeoutException e) {
            return ProbeOutcome.timedOut(timeout).cause();
        } catch (IOException e) {
            return "connection refused";
        }
    }

    private static HttpClient client() {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
