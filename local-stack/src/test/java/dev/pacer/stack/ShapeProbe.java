package dev.pacer.stack;

import dev.pacer.testsupport.shape.ShapeChecker;
import dev.pacer.testsupport.shape.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one request through the gateway (as admin), compares the status with Marathon's and the body with a
 * Marathon type, and keeps every difference as a {@link Finding}: endpoint, where in the answer, what.
 */
final class ShapeProbe {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** One difference from Marathon: {@code path} is where in the answer ({@code (status)}, {@code (headers)}, a key path). */
    record Finding(String endpoint, String path, String problem) {
        @Override
        public String toString() {
            return endpoint + " | " + path + " | " + problem;
        }
    }

    record Answer(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final SharedStack stack;
    private final List<Finding> section = new ArrayList<>();
    private final List<Finding> all = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    ShapeProbe(SharedStack stack) {
        this.stack = stack;
    }

    /** A request as admin; {@code headers} as name, value pairs. */
    Answer send(String method, String pathAndQuery, String body, String... headers) {
        return sendAs(SharedStack.ADMIN, method, pathAndQuery, body, headers);
    }

    /** A request with this {@code Authorization} (null: none). */
    Answer sendAs(String authorization, String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gateway(pathAndQuery))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends, then checks the status and (when {@code type} is given) the JSON body against Marathon's type. */
    Answer expect(String method, String pathAndQuery, String body, int status, ShapeChecker checker, String type) {
        return check(method + " " + pathAndQuery, send(method, pathAndQuery, body), status, checker, type);
    }

    /** Checks an answer already received. */
    Answer check(String endpoint, Answer answer, int status, ShapeChecker checker, String type) {
        checked.add(endpoint);
        if (answer.status() != status) {
            add(endpoint, "(status)", "answered " + answer.status() + " " + abbreviate(answer.body()) + "; Marathon answers " + status);
            return answer;
        }
        if (type == null) {
            if (!answer.body().isEmpty()) {
                add(endpoint, "(body)", "Marathon answers no body; got " + abbreviate(answer.body()));
            }
            return answer;
        }
        json(endpoint, answer, checker, type);
        return answer;
    }

    /** The body is JSON of Marathon's type (any status). */
    void json(String endpoint, Answer answer, ShapeChecker checker, String type) {
        String contentType = answer.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            add(endpoint, "(headers)", "Content-Type " + contentType + "; Marathon answers application/json");
        }
        JsonNode json;
        try {
            json = answer.json();
        } catch (JacksonException e) {
            add(endpoint, "(body)", "not JSON: " + abbreviate(answer.body()));
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Violation violation : checker.check(json, type)) {
            // one line per key, not per array element
            String path = violation.path().replaceAll("\\[\\d+]", "[*]");
            if (seen.add(path + violation.problem().replaceAll("\"[^\"]*\"", "…"))) {
                add(endpoint, path.isEmpty() ? "(answer)" : path, violation.problem());
            }
        }
    }

    /** A deployment-creating call names its deployment in {@code Marathon-Deployment-Id} (§3). */
    void deploymentHeader(String endpoint, Answer answer) {
        if (answer.status() / 100 == 2 && answer.header("Marathon-Deployment-Id") == null) {
            add(endpoint, "(headers)", "no Marathon-Deployment-Id header");
        }
    }

    void add(String endpoint, String path, String problem) {
        Finding finding = new Finding(endpoint, path, problem);
        section.add(finding);
        all.add(finding);
    }

    /** The findings since the last call. */
    List<Finding> section() {
        List<Finding> findings = List.copyOf(section);
        section.clear();
        return findings;
    }

    List<Finding> all() {
        return List.copyOf(all);
    }

    /** Lists {@code endpoint} among those checked (a check made elsewhere, or one that could not be made). */
    void note(String endpoint) {
        checked.add(endpoint);
    }

    /** The endpoints checked, in order. */
    List<String> checked() {
        return List.copyOf(checked);
    }

    static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
