package dev.pacer.boot.probes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pacer.boot.lifecycle.LifecyclePhases;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.context.SmartLifecycle;

/**
 * {@code GET /livez} and {@code GET /readyz} on their own plain-HTTP port, answered from the in-process
 * health groups ({@code liveness}, {@code readiness}): 200 {@code {"status":"UP"}}, or 503 with the
 * status. Nothing else is served (404). One thread of its own: a probe never waits behind the
 * service's work or its request threads.
 */
final class ProbeServer implements SmartLifecycle {

    private final InetSocketAddress address;
    private final Function<String, String> groupStatus;
    private HttpServer server;
    private ExecutorService thread;

    /** @param groupStatus health group name to its status ({@code UP}, {@code DOWN}, ...); null when unknown */
    ProbeServer(InetSocketAddress address, Function<String, String> groupStatus) {
        this.address = address;
        this.groupStatus = groupStatus;
    }

    @Override
    public synchronized void start() {
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for probes on " + address, e);
        }
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pacer-probes");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String group = ProbesProperties.LIVENESS.equals(path) ? "liveness"
                    : ProbesProperties.READINESS.equals(path) ? "readiness" : null;
            if (group == null || !"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                answer(exchange, 404, "{\"message\":\"Not found\"}");
                return;
            }
            String status;
            try {
                status = groupStatus.apply(group);
            } catch (RuntimeException e) {
                status = "DOWN";
            }
            status = status == null ? "UNKNOWN" : status;
            answer(exchange, "UP".equals(status) ? 200 : 503, "{\"status\":\"" + status + "\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            thread.shutdownNow();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Up early (before the web server), down late: probes answer for the whole life of the process. */
    @Override
    public int getPhase() {
        return LifecyclePhases.PROBES;
    }
}
