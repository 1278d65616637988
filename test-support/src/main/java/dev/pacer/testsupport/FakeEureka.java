package dev.pacer.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory Eureka server speaking the part of Eureka's REST API that agents and the gateway use:
 * register ({@code POST /eureka/apps/{app}}), renew ({@code PUT /eureka/apps/{app}/{id}}), status
 * ({@code PUT …/status?value=}), cancel ({@code DELETE /eureka/apps/{app}/{id}}) and the JSON reads
 * {@code GET /eureka/apps} and {@code GET /eureka/apps/{app}}. Leases expire like Eureka's when
 * {@code leaseExpiry} passes without a renewal. For tests only: one JVM, no replication.
 */
public final class FakeEureka implements AutoCloseable {

    /** One call as received, for assertions ({@code "PUT APP-X/id/status UP"}). */
    public record Call(String method, String path, String status, long atNanos) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Duration leaseExpiry;
    private final Map<String, Map<String, ObjectNode>> apps = new ConcurrentHashMap<>();
    private final Map<String, Long> renewedAt = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private FakeEureka(HttpServer server, Duration leaseExpiry) {
        this.server = server;
        this.leaseExpiry = leaseExpiry;
    }

    public static FakeEureka start(Duration leaseExpiry) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            FakeEureka eureka = new FakeEureka(server, leaseExpiry);
            server.createContext("/eureka/apps", eureka::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return eureka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service URL clients are configured with ({@code http://localhost:N/eureka/}). */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/eureka/";
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The status of an instance, empty when it is not registered (or its lease expired). */
    public Optional<String> status(String app, String instanceId) {
        expire();
        ObjectNode instance = apps.getOrDefault(app.toUpperCase(Locale.ROOT), Map.of()).get(instanceId);
        return Optional.ofNullable(instance).map(i -> i.get("status").asString());
    }

    /** The instance as registered, empty when it is not. */
    public Optional<JsonNode> instance(String app, String instanceId) {
        expire();
        return Optional.ofNullable(apps.getOrDefault(app.toUpperCase(Locale.ROOT), Map.of()).get(instanceId));
    }

    /** Registers an instance directly (as another agent would), with the given status. */
    public void register(String app, String instanceId, String host, int port, String status, Map<String, String> metadata) {
        ObjectNode instance = JSON.createObjectNode();
        instance.put("instanceId", instanceId).put("hostName", host).put("app", app.toUpperCase(Locale.ROOT))
                .put("ipAddr", "127.0.0.1").put("status", status);
        instance.putObject("port").put("$", port).put("@enabled", "true");
        ObjectNode meta = instance.putObject("metadata");
        metadata.forEach(meta::put);
        put(app, instanceId, instance);
    }

    /** Changes an instance's status directly. */
    public void setStatus(String app, String instanceId, String status) {
        ObjectNode instance = apps.getOrDefault(app.toUpperCase(Locale.ROOT), Map.of()).get(instanceId);
        if (instance != null) {
            instance.put("status", status);
        }
    }

    /** Removes an instance directly. */
    public void remove(String app, String instanceId) {
        Map<String, ObjectNode> instances = apps.get(app.toUpperCase(Locale.ROOT));
        if (instances != null) {
            instances.remove(instanceId);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void put(String app, String id, ObjectNode instance) {
        apps.computeIfAbsent(app.toUpperCase(Locale.ROOT), a -> new ConcurrentHashMap<>()).put(id, instance);
        renewedAt.put(key(app, id), System.nanoTime());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rest = exchange.getRequestURI().getPath().substring("/eureka/apps".length());
            String[] parts = rest.isEmpty() || rest.equals("/") ? new String[0] : rest.substring(1).split("/");
            String value = query(exchange, "value");
            calls.add(new Call(method, rest, value, System.nanoTime()));
            expire();
            int status;
            byte[] body = new byte[0];
            if (method.equals("GET") && parts.length == 0) {
                ObjectNode root = JSON.createObjectNode();
                ObjectNode applications = root.putObject("applications");
                applications.put("versions__delta", "1").put("apps__hashcode", "");
                ArrayNode list = applications.putArray("application");
                apps.forEach((name, instances) -> {
                    if (!instances.isEmpty()) {
                        list.add(application(name, instances));
                    }
                });
                body = JSON.writeValueAsBytes(root);
                status = 200;
            } else if (method.equals("GET") && parts.length == 1) {
                Map<String, ObjectNode> instances = apps.getOrDefault(parts[0].toUpperCase(Locale.ROOT), Map.of());
                status = instances.isEmpty() ? 404 : 200;
                if (status == 200) {
                    ObjectNode root = JSON.createObjectNode();
                    root.set("application", application(parts[0].toUpperCase(Locale.ROOT), instances));
                    body = JSON.writeValueAsBytes(root);
                }
            } else if (method.equals("POST") && parts.length == 1) {
                ObjectNode instance = (ObjectNode) JSON.readTree(exchange.getRequestBody()).get("instance");
                put(parts[0], instance.get("instanceId").asString(), instance);
                status = 204;
            } else if (parts.length >= 2) {
                ObjectNode instance = apps.getOrDefault(parts[0].toUpperCase(Locale.ROOT), Map.of()).get(parts[1]);
                if (instance == null) {
                    status = 404;
                } else if (method.equals("PUT") && parts.length == 2) {
                    renewedAt.put(key(parts[0], parts[1]), System.nanoTime());
                    status = 200;
                } else if (method.equals("PUT") && parts.length == 3 && parts[2].equals("status")) {
                    instance.put("status", value);
                    status = 200;
                } else if (method.equals("DELETE") && parts.length == 3 && parts[2].equals("status")) {
                    status = 200;
                } else if (method.equals("DELETE") && parts.length == 2) {
                    apps.get(parts[0].toUpperCase(Locale.ROOT)).remove(parts[1]);
                    status = 200;
                } else {
                    status = 400;
                }
            } else {
                status = 400;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private ObjectNode application(String name, Map<String, ObjectNode> instances) {
        ObjectNode application = JSON.createObjectNode();
        application.put("name", name);
        ArrayNode list = application.putArray("instance");
        new ArrayList<>(instances.values()).forEach(list::add);
        return application;
    }

    private void expire() {
        long now = System.nanoTime();
        apps.forEach((app, instances) -> instances.keySet().removeIf(id -> {
            Long renewed = renewedAt.get(key(app, id));
            return renewed != null && now - renewed > leaseExpiry.toNanos();
        }));
    }

    private static String key(String app, String id) {
        return app.toUpperCase(Locale.ROOT) + "/" + id;
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
