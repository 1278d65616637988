package dev.pacer.gateway.security;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scheduler (and secrets-service) stand-in with canned list bodies over apps and secrets of team-a,
 * team-b and others; a write is answered 201 with its own body (so that a test sees what arrived), and
 * recorded with the raw URI the gateway forwarded.
 */
final class StubScheduler implements AutoCloseable {

    record Seen(String method, String uri, String body) {
    }

    static final Map<String, String> LISTS = Map.ofEntries(
            Map.entry("/v2/apps/*", """
                    {"*":[{"id":"/team-a/web","cmd":"x"},{"id":"/team-b/web","cmd":"team-b-secret-cmd"}]}"""),
            Map.entry("/v2/groups/apps", """
                    [{"id":"/team-a/web","cmd":"x"},{"id":"/team-b/web","cmd":"team-b-secret-cmd"},{"id":"/org/team-a/api"}]"""),
            Map.entry("/v2/groups/org/apps", """
                    [{"id":"/org/top","cmd":"x"},{"id":"/org/team-a/api","cmd":"x"}]"""),
            Map.entry("/v2/groups/org", """
                    {"id":"/org","apps":[{"id":"/org/top"}],"dependencies":["/org/x"],"groups":[\
                    {"id":"/org/team-a","apps":[{"id":"/org/team-a/api"}],"groups":[]},\
                    {"id":"/org/x","apps":[{"id":"/org/x/y"}],"groups":[]}]}"""),
            Map.entry("/api/secrets", """
                    [{"path":"/team-a/db","currentVersion":1},{"path":"/team-b/db","currentVersion":1}]"""),
            Map.entry("/api/secrets/_audit", """
                    [{"id":"1","path":"/team-a/db","appId":"/team-a/web","outcome":"read"},\
                    {"id":"2","path":"/team-b/db","appId":"/team-b/web","outcome":"read"}]"""),
            Map.entry("/api/secrets/team-a/db", """
                    {"path":"/team-a/db","currentVersion":1}"""),
            Map.entry("/v2/apps", """
                    {"apps":[{"id":"/team-a/web","instances":1,"cmd":"x"},{"id":"/team-b/web","instances":1,"cmd":"x"},\
                    {"id":"/other","instances":1,"cmd":"x"},{"id":"/org/team-a/api","instances":1,"cmd":"x"}]}"""),
            Map.entry("/v2/tasks", """
                    {"tasks":[{"id":"team-a_web.instance-1","appId":"/team-a/web"},{"id":"team-b_web.instance-1","appId":"/team-b/web"}]}"""),
            Map.entry("/v2/queue", """
                    {"queue":[{"count":1,"app":{"id":"/team-a/web"}},{"count":2,"app":{"id":"/team-b/web"}}]}"""),
            Map.entry("/v2/deployments", """
                    [{"id":"d1","affectedApps":["/team-a/web"]},{"id":"d2","affectedApps":["/team-b/web"]},\
                    {"id":"d3","affectedApps":["/team-a/web","/team-b/web"],\
                    "steps":[{"actions":[{"action":"RestartApplication","app":"/team-b/web"}]}],"currentActions":[]}]"""),
            Map.entry("/v2/groups", """
                    {"id":"/","apps":[{"id":"/other"}],"groups":[\
                    {"id":"/team-a","apps":[{"id":"/team-a/web"}],"groups":[]},\
                    {"id":"/team-b","apps":[{"id":"/team-b/web"}],"groups":[]},\
                    {"id":"/org","apps":[{"id":"/org/top"}],"groups":[\
                    {"id":"/org/team-a","apps":[{"id":"/org/team-a/api"}],"groups":[]},\
                    {"id":"/org/x","apps":[{"id":"/org/x/y"}],"groups":[]}]}]}"""));

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StubScheduler() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
            String answer;
            int status = 200;
            if (exchange.getRequestMethod().equals("GET")) {
                answer = LISTS.get(path);
                if (answer == null && path.startsWith("/v2/apps/")) {
                    answer = "{\"app\":{\"id\":\"" + path.substring("/v2/apps".length()) + "\",\"instances\":1,\"version\":\"v1\"}}";
                }
                if (answer == null) {
                    answer = path.equals("/ping") ? "pong" : "{\"path\":\"" + path + "\"}";
                }
            } else {
                status = exchange.getRequestMethod().equals("POST") ? 201 : 200;
                answer = body.isEmpty() ? "{\"deploymentId\":\"x\",\"version\":\"v\"}" : body;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", path.equals("/ping") ? "text/plain" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    boolean saw(String method, String pathPrefix) {
        return seen.stream().anyMatch(s -> s.method().equals(method) && s.uri().startsWith(pathPrefix));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
