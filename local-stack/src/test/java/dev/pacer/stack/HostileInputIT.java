package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.stack.HostileRequests.Hostile;
import dev.pacer.stack.HostileRequests.Target;
import dev.pacer.testsupport.RawHttp;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input against the real stack ({@link SharedStack}): hundreds of generated requests —
 * malformed and truncated JSON, a wrong type in every field of an app, huge strings, arrays and
 * counts, deep nesting, unicode and control characters in ids, path tricks, bodies dripped byte by
 * byte — through the gateway as {@code admin}, and some straight at internal service ports on loopback.
 * Every answer must be a JSON 4xx (never a 5xx, never HTML, never a success), Redis must hold exactly
 * what it held before (every key and its {@code DUMP}, except {@link #TICKING} keys), and every service
 * must still be ready afterwards. The counts per category are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    /**
     * Keys whose values change on their own while the stack idles, ignored in the before/after
     * comparison: agent records and the agent index ({@code lastHeartbeat}, and the index's scores, on
     * every heartbeat), cluster membership (lease
     * scores renewed every 2 s), health-service's checker figures (rewritten with a timestamp every
     * few seconds), shard lease owners and epochs (renewed, and re-leased when a scheduler misses a
     * renewal on a loaded machine), and the gateway's write rate-limit counters (every write request
     * spends a token, refused or not).
     */
    static final List<Pattern> TICKING = List.of(
            Pattern.compile("pacer:v1:agent:\\{[^}]+}"),
            Pattern.compile("pacer:v1:agents"),
            Pattern.compile("pacer:v1:members:\\{[^}]+}"),
            Pattern.compile("pacer:v1:health-checkers"),
            Pattern.compile("pacer:v1:shard:\\{\\d+}:(owner|epoch)"),
            Pattern.compile("request_rate_limiter\\..*"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, AtomicInteger> COUNTS = Collections.synchronizedMap(new LinkedHashMap<>());
    private static final List<String> FAILURES = Collections.synchronizedList(new ArrayList<>());
    private static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentSkipListMap<>();

    private static SharedStack stack;
    private static HttpClient internalHttp;
    private static Map<String, String> before;

    @BeforeAll
    static void snapshot() throws InterruptedException {
        stack = SharedStack.get();
        before = quietDump();
    }

    /**
     * The stack is shared: what an earlier suite left settling (apps being deleted, their tasks killed, deployments
     * ending) must be over before the "before" picture, or it shows as a change made by hostile input. Two dumps
     * 3 s apart that are equal mean nothing is moving; after 120 s the last one is taken as it is.
     */
    private static Map<String, String> quietDump() throws InterruptedException {
        Map<String, String> previous = dump();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Thread.sleep(3000);
            Map<String, String> current = dump();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    @AfterAll
    static void printCounts() {
        StringBuilder report = new StringBuilder("Hostile-input requests by category:\n");
        int total = 0;
        for (Map.Entry<String, AtomicInteger> e : COUNTS.entrySet()) {
            report.append(String.format("  %-14s %5d%n", e.getKey(), e.getValue().get()));
            total += e.getValue().get();
        }
        report.append(String.format("  %-14s %5d%n", "total", total));
        report.append("Answers by status:");
        STATUSES.forEach((status, n) -> report.append(' ').append(status).append('×').append(n.get()));
        System.out.println(report);
    }

    @Test
    @Order(1)
    void malformedAndTruncatedJson() {
        sendAll(HostileRequests.malformed());
    }

    @Test
    @Order(2)
    void aWrongTypeInEveryFieldOfAnApp() {
        sendAll(HostileRequests.wrongTypes());
    }

    @Test
    @Order(3)
    void hugeStringsArraysNumbersAndCounts() {
        send("huge", Target.GATEWAY, RawHttp.chunked(64L * 1024 * 1024, 16 * 1024, (byte) ' '), Map.of("Transfer-Encoding", "chunked"));
        send("huge", Target.GATEWAY, RawHttp.none(), Map.of("Content-Length", String.valueOf(10L * 1024 * 1024 * 1024)));
        send("huge", Target.SCHEDULER, RawHttp.chunked(64L * 1024 * 1024, 16 * 1024, (byte) ' '), Map.of("Transfer-Encoding", "chunked"));
        send("huge", Target.SCHEDULER, RawHttp.none(), Map.of("Content-Length", String.valueOf(10L * 1024 * 1024 * 1024)));
        sendAll(HostileRequests.huge());
    }

    @Test
    @Order(4)
    void deepNesting() {
        sendAll(HostileRequests.deep());
    }

    @Test
    @Order(5)
    void unicodeAndControlCharactersInIds() {
        sendAll(HostileRequests.unicodeIds());
    }

    @Test
    @Order(6)
    void pathTricks() {
        sendAll(HostileRequests.pathTricks());
    }

    @Test
    @Order(7)
    void internalPortsOnLoopback() {
        sendAll(HostileRequests.internal());
    }

    /**
     * Clients that drip a body a byte every 500 ms, past the answer, at the gateway and straight at the
     * scheduler, all at once: each gets a JSON 408 at the body deadline (10 s) and its connection closed
     * soon after (never drained to the end of its body), while ordinary calls keep being answered.
     */
    @Test
    @Order(8)
    void slowBodies() throws Exception {
        byte[] body = " ".repeat(60).getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RawHttp.Response>> drippers = new ArrayList<>();
            for (Target target : List.of(Target.GATEWAY, Target.GATEWAY, Target.GATEWAY, Target.GATEWAY,
                    Target.SCHEDULER, Target.SCHEDULER, Target.SCHEDULER, Target.SCHEDULER)) {
                drippers.add(pool.submit(() -> RawHttp.send(tls(target), "127.0.0.1", port(target), "POST", "/v2/apps",
                        headers(target, Map.of("Content-Type", "application/json", "Content-Length", String.valueOf(body.length))),
                        RawHttp.drip(body, Duration.ofMillis(500), false), Duration.ofSeconds(60))));
            }
            Thread.sleep(2000);
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                HttpResponse<String> ordinary = HTTP.send(request(Target.GATEWAY, "GET", "/v2/apps", null, null).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ordinary.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                HttpResponse<String> direct = client(Target.SCHEDULER).send(request(Target.SCHEDULER, "GET", "/v2/apps", null, null).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(direct.statusCode()).isEqualTo(200);
                Thread.sleep(1000);
            }
            for (Future<RawHttp.Response> dripper : drippers) {
                RawHttp.Response response = dripper.get();
                count("slow-bodies");
                check("slow-bodies dripped POST /v2/apps", response.status(), response.header("content-type"), response.body());
                if (response.status() != 408) {
                    FAILURES.add("slow-bodies: expected 408, got " + response.status());
                }
                if (response.closedAfter() == null || response.closedAfter().compareTo(Duration.ofSeconds(25)) > 0) {
                    FAILURES.add("slow-bodies: connection still open after " + response.closedAfter()
                            + " (the body would have taken 30 s)");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertNoFailures("slow-bodies");
    }

    @Test
    @Order(99)
    void nothingChangedInRedis_andEveryServiceIsStillReady() throws Exception {
        Map<String, String> after = dump();
        Map<String, String> changed = new TreeMap<>();
        before.forEach((key, value) -> {
            if (!value.equals(after.get(key))) {
                changed.put(key, after.containsKey(key) ? "changed" : "deleted");
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(key -> changed.put(key, "created"));
        assertThat(changed).as("Redis keys changed by hostile input (ticking keys ignored: %s)", TICKING).isEmpty();

        SharedStack s = stack;
        for (int port : List.of(s.ports().discovery(), s.ports().gateway(), s.ports().scheduler(), s.ports().secrets(),
                s.ports().health(), s.ports().agentA(), s.ports().agentB())) {
            HttpResponse<String> readiness = HTTP.send(HttpRequest.newBuilder(URI.create(s.probe(port, "/readyz")))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as("readiness of the service on port %d: %s", port, readiness.body()).isEqualTo(200);
        }
        assertThat(COUNTS.values().stream().mapToInt(AtomicInteger::get).sum()).isGreaterThanOrEqualTo(300);
    }

    private static void sendAll(List<Hostile> requests) {
        String category = requests.get(0).category();
        for (Hostile hostile : requests) {
            count(hostile.category());
            if (hostile.body() != null && hostile.body().length > 1024 * 1024) {
                // a large body on a plain socket that reads the answer while it writes: a server that
                // answers 413 early and closes loses the JDK client its answer, not this one
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", hostile.contentType());
                headers.put("Content-Length", String.valueOf(hostile.body().length));
                RawHttp.Response response = RawHttp.send(tls(hostile.target()), "127.0.0.1", port(hostile.target()), hostile.method(),
                        hostile.path(), headers(hostile.target(), headers), RawHttp.bytes(hostile.body()), Duration.ofSeconds(60));
                check(hostile.describe(), response.status(), response.header("content-type"), response.body());
                continue;
            }
            try {
                HttpResponse<String> response = client(hostile.target()).send(request(hostile.target(), hostile.method(), hostile.path(),
                        hostile.contentType(), hostile.body()).build(), HttpResponse.BodyHandlers.ofString());
                check(hostile.describe(), response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                        response.body());
            } catch (IOException e) {
                FAILURES.add(hostile.describe() + " -> no answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertNoFailures(category);
    }

    /** A raw POST /v2/apps with {@code body} (chunked or with a Content-Length it never fills). */
    private static void send(String category, Target target, RawHttp.Body body, Map<String, String> extra) {
        count(category);
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Content-Type", "application/json");
        RawHttp.Response response = RawHttp.send(tls(target), "127.0.0.1", port(target), "POST", "/v2/apps", headers(target, headers),
                body, Duration.ofSeconds(60));
        check(category + " raw " + target + " " + extra, response.status(), response.header("content-type"), response.body());
    }

    private static void check(String what, int status, String contentType, String body) {
        STATUSES.computeIfAbsent(status, c -> new AtomicInteger()).incrementAndGet();
        String problem = null;
        if (status < 400 || status > 499) {
            problem = "status " + status;
        } else if (contentType == null || !contentType.startsWith("application/json")) {
            problem = "content type " + contentType;
        } else {
            try {
                JsonNode json = JSON.readTree(body);
                if (!json.isObject() || !json.path("message").isString()) {
                    problem = "no message";
                }
            } catch (RuntimeException e) {
                problem = "body is not JSON";
            }
        }
        if (problem != null) {
            FAILURES.add(what + " -> " + problem + ": " + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body));
        }
    }

    private static void assertNoFailures(String category) {
        List<String> mine;
        synchronized (FAILURES) {
            mine = new ArrayList<>(FAILURES);
            FAILURES.clear();
        }
        assertThat(mine).as("hostile %s requests not answered with a JSON 4xx", category).isEmpty();
    }

    private static void count(String category) {
        COUNTS.computeIfAbsent(category, c -> new AtomicInteger()).incrementAndGet();
    }

    private static HttpRequest.Builder request(Target target, String method, String path, String contentType, byte[] body) {
        String url = target == Target.GATEWAY ? stack.gateway(path) : stack.internal(port(target), path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers(target, Map.of()).forEach(builder::header);
        return builder;
    }

    private static Map<String, String> headers(Target target, Map<String, String> headers) {
        if (target != Target.GATEWAY) {
            return headers;
        }
        Map<String, String> withAuth = new LinkedHashMap<>(headers);
        withAuth.put("Authorization", SharedStack.ADMIN);
        return withAuth;
    }

    /** The gateway's public port is plain HTTP; every internal port needs the operator's certificate. */
    private static SSLContext tls(Target target) {
        return target == Target.GATEWAY ? null : stack.operatorTls();
    }

    private static HttpClient client(Target target) {
        if (target == Target.GATEWAY) {
            return HTTP;
        }
        synchronized (HostileInputIT.class) {
            if (internalHttp == null) {
                internalHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).sslContext(stack.operatorTls()).build();
            }
            return internalHttp;
        }
    }

    private static int port(Target target) {
        StackOptions.Ports ports = stack.ports();
        return switch (target) {
            case GATEWAY -> ports.gateway();
            case SCHEDULER -> ports.scheduler();
            case SECRETS -> ports.secrets();
            case HEALTH -> ports.health();
            case AGENT -> ports.agentA();
            case DISCOVERY -> ports.discovery();
        };
    }

    /** Every key of Redis with its type-independent serialized value ({@code DUMP}), ticking keys left out. */
    private static Map<String, String> dump() {
        RedisClient client = RedisClient.create(stack.redisUrl());
        try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            RedisCommands<byte[], byte[]> redis = connection.sync();
            Map<String, String> keys = new ConcurrentHashMap<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<byte[]> page = redis.scan(cursor, ScanArgs.Builder.limit(1000));
                for (byte[] key : page.getKeys()) {
                    String name = new String(key, StandardCharsets.UTF_8);
                    if (TICKING.stream().noneMatch(p -> p.matcher(name).matches())) {
                        byte[] value = redis.dump(key);
                        if (value != null) {
                            keys.put(name, Base64.getEncoder().encodeToString(value));
                        }
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
            return keys;
        } finally {
            client.shutdown();
        }
    }
}
