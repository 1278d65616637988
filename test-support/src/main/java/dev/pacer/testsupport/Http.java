package dev.pacer.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * A tiny blocking HTTP client for tests: real sockets, short timeouts, the body as a string. The static
 * methods send plain requests; {@link #client} gives one that presents a client certificate (mutual
 * TLS to internal ports) and/or sends an {@code Authorization} header (the gateway's users).
 */
public final class Http {

    private static final Client PLAIN = new Client(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), null);

    private Http() {
    }

    public record Response(int status, String body, HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public static Response get(String url) {
        return PLAIN.get(url);
    }

    public static Response get(String url, String accept) {
        return PLAIN.get(url, accept);
    }

    public static Response send(String method, String url, String jsonBody) {
        return PLAIN.send(method, url, jsonBody);
    }

    /** A client presenting {@code tls}'s certificate (and trusting its CA); null for plain HTTP only. */
    public static Client client(SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            builder.sslContext(tls);
        }
        return new Client(builder.build(), null);
    }

    /** HTTP Basic's header value. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The same calls as {@link Http}'s static methods, with a transport and credentials of its own. */
    public static final class Client {

        private final HttpClient http;
        private final String authorization;

        private Client(HttpClient http, String authorization) {
            this.http = http;
            this.authorization = authorization;
        }

        /** This client, sending {@code Authorization: <value>} with every request. */
        public Client withAuthorization(String value) {
            return new Client(http, value);
        }

        public Response get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        public Response get(String url, String accept) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET());
        }

        public Response send(String method, String url, String jsonBody) {
            HttpRequest.BodyPublisher body = jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody);
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .method(method, body));
        }

        private Response send(HttpRequest.Builder request) {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body(), response.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
