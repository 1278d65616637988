package dev.pacer.secrets.vault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small fake of Vault's documented HTTP API, enough for Spring Vault's KV v2 client: {@code
 * /v1/<mount>/data/<path>} (read, write), {@code /v1/<mount>/metadata/<path>} (read, delete, list), and
 * {@code /v1/auth/approle/login}, {@code /v1/auth/token/renew-self} and {@code revoke-self}. Every other call needs
 * {@code X-Vault-Token} of a known, unexpired token (403 otherwise). An AppRole token lives {@link #tokenTtl}
 * (an hour unless a test shortens it), renewable up to three times that from its login, as a role's
 * {@code token_ttl} and {@code token_max_ttl} do. The values it holds are kept in memory only.
 */
public final class FakeVault implements AutoCloseable {

    public static final String ROOT_TOKEN = "root-token-for-tests";

    private record Version(String value, Instant created) {
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String mount;
    private final Map<String, List<Version>> secrets = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    /** Login tokens: when each expires, and the latest it may be renewed to. */
    private final Map<String, Instant[]> expiry = new ConcurrentHashMap<>();
    private volatile Duration tokenTtl = Duration.ofHours(1);
    private volatile int renewals;
    private volatile int revocations;
    private volatile int refused;
    private final Map<String, String> roles = new ConcurrentHashMap<>();
    private volatile int logins;

    public FakeVault(String mount) throws IOException {
        this.mount = mount;
        tokens.add(ROOT_TOKEN);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void addAppRole(String roleId, String secretId) {
        roles.put(roleId, secretId);
    }

    public int logins() {
        return logins;
    }

    /** The TTL of the tokens AppRole logins get from now on (their max TTL is three times it). */
    public void tokenTtl(Duration ttl) {
        this.tokenTtl = ttl;
    }

    public int renewals() {
        return renewals;
    }

    public int revocations() {
        return revocations;
    }

    /** Calls refused for an unknown or expired token. */
    public int refused() {
        return refused;
    }

    /** Every value stored, for the tests that check what the backend received. */
    public List<String> storedValues() {
        return secrets.values().stream().flatMap(List::stream).map(Version::value).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/v1/".length());
            String method = exchange.getRequestMethod();
            boolean list = "LIST".equals(method) || (exchange.getRequestURI().getQuery() != null
                    && exchange.getRequestURI().getQuery().contains("list=true"));
            if (path.equals("auth/approle/login") && "POST".equals(method)) {
                JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
                String roleId = body.path("role_id").asString();
                if (roleId == null || !body.path("secret_id").asString("").equals(roles.get(roleId))) {
                    send(exchange, 400, Map.of("errors", List.of("invalid role or secret ID")));
                    return;
                }
                String token = "s.approle-" + (++logins);
                tokens.add(token);
                Instant now = Instant.now();
                expiry.put(token, new Instant[] {now.plus(tokenTtl), now.plus(tokenTtl.multipliedBy(3))});
                send(exchange, 200, Map.of("auth", auth(token, tokenTtl)));
                return;
            }
            String caller = exchange.getRequestHeaders().getFirst("X-Vault-Token");
            Instant[] lease = caller == null ? null : expiry.get(caller);
            if (!tokens.contains(caller) || (lease != null && !Instant.now().isBefore(lease[0]))) {
                refused++;
                send(exchange, 403, Map.of("errors", List.of("permission denied")));
                return;
            }
            if (path.equals("auth/token/renew-self") && lease != null) {
                renewals++;
                Instant now = Instant.now();
                Instant until = now.plus(tokenTtl).isAfter(lease[1]) ? lease[1] : now.plus(tokenTtl);
                lease[0] = until;
                send(exchange, 200, Map.of("auth", auth(caller, Duration.between(now, until))));
                return;
            }
            if (path.equals("auth/token/revoke-self")) {
                revocations++;
                tokens.remove(caller);
                expiry.remove(caller);
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            String data = mount + "/data/";
            String meta = mount + "/metadata/";
            if (path.startsWith(data)) {
                kv(exchange, method, path.substring(data.length()));
            } else if (path.startsWith(meta) && list) {
                list(exchange, path.substring(meta.length()));
            } else if (path.startsWith(meta)) {
                metadata(exchange, method, path.substring(meta.length()));
            } else {
                send(exchange, 404, Map.of("errors", List.of()));
            }
        }
    }

    private void kv(HttpExchange exchange, String method, String key) throws IOException {
        switch (method) {
            case "POST", "PUT" -> {
                JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
                List<Version> versions = secrets.computeIfAbsent(key, k -> new ArrayList<>());
                versions.add(new Version(body.path("data").path("value").asString(), Instant.now()));
                send(exchange, 200, Map.of("data", versionMeta(versions.size(), versions.get(versions.size() - 1))));
            }
            case "GET" -> {
                List<Version> versions = secrets.get(key);
                if (versions == null) {
                    send(exchange, 404, Map.of("errors", List.of()));
                    return;
                }
                Version current = versions.get(versions.size() - 1);
                send(exchange, 200, Map.of("data", Map.of("data", Map.of("value", current.value()),
                        "metadata", versionMeta(versions.size(), current))));
            }
            default -> send(exchange, 405, Map.of("errors", List.of("unsupported")));
        }
    }

    private void metadata(HttpExchange exchange, String method, String key) throws IOException {
        List<Version> versions = secrets.get(key);
        if ("DELETE".equals(method)) {
            secrets.remove(key);
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        if (versions == null) {
            send(exchange, 404, Map.of("errors", List.of()));
            return;
        }
        Map<String, Object> byVersion = new TreeMap<>();
        for (int i = 0; i < versions.size(); i++) {
            byVersion.put(Integer.toString(i + 1), Map.of("created_time", versions.get(i).created().toString(),
                    "deletion_time", "", "destroyed", false));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cas_required", false);
        m.put("created_time", versions.get(0).created().toString());
        m.put("current_version", versions.size());
        m.put("delete_version_after", "0s");
        m.put("max_versions", 0);
        m.put("oldest_version", 1);
        m.put("updated_time", versions.get(versions.size() - 1).created().toString());
        m.put("custom_metadata", Map.of());
        m.put("versions", byVersion);
        send(exchange, 200, Map.of("data", m));
    }

    private void list(HttpExchange exchange, String folder) throws IOException {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        Set<String> keys = new TreeSet<>();
        for (String key : secrets.keySet()) {
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                int slash = rest.indexOf('/');
                keys.add(slash < 0 ? rest : rest.substring(0, slash + 1));
            }
        }
        if (keys.isEmpty()) {
            send(exchange, 404, Map.of("errors", List.of()));
            return;
        }
        send(exchange, 200, Map.of("data", Map.of("keys", List.copyOf(keys))));
    }

    private static Map<String, Object> auth(String token, Duration ttl) {
        return Map.of("client_token", token, "accessor", "acc", "policies", List.of("default"),
                "lease_duration", Math.max(0, ttl.toSeconds()), "renewable", true);
    }

    private static Map<String, Object> versionMeta(int version, Version v) {
        return Map.of("version", version, "created_time", v.created().toString(), "deletion_time", "", "destroyed", false);
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
