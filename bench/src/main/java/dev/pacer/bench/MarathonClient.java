package dev.pacer.bench;

import dev.pacer.contract.ApiPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The few Marathon v2 calls the benchmark makes, blocking, over HTTP/1.1 keep-alive connections
 * (one per client thread, pooled by the JDK client). Bodies are read in full: a client pays for them.
 */
public final class MarathonClient {

    public record Response(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Status and the start of the body, for error messages. */
        public String summary() {
            String b = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + " " + (b.length() > 200 ? b.substring(0, 200) + "..." : b);
        }
    }

    private final String base;
    private final HttpClient http;
    private final Duration timeout;

    public MarathonClient(String base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    public String base() {
        return base;
    }

    /** {@code PUT /v2/apps} with a JSON array: creates the missing apps, updates the others. */
    public Response putApps(List<String> definitions) {
        return send("PUT", ApiPaths.V2_APPS, "[" + String.join(",", definitions) + "]");
    }

    public Response postApp(String definition) {
        return send("POST", ApiPaths.V2_APPS, definition);
    }

    /** {@code PUT /v2/apps/{id}}: Marathon's default partial update (absent fields keep their values). */
    public Response putApp(String id, String body) {
        return send("PUT", ApiPaths.V2_APPS + id, body);
    }

    public Response getApp(String id) {
        return send("GET", ApiPaths.V2_APPS + id, null);
    }

    public Response ping() {
        return send("GET", ApiPaths.PING, null);
    }

    public Response deployments() {
        return send("GET", ApiPaths.V2_DEPLOYMENTS, null);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
