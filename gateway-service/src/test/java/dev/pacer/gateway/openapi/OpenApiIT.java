package dev.pacer.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.ServiceName;
import dev.pacer.gateway.GatewayApplication;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import dev.pacer.testsupport.openapi.OpenApiSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The gateway serves the OpenAPI description itself (credentials needed, no grant; never proxied), and routes
 * every operation it describes to the service the operation's tag names ({@code x-pacer-service}), but those
 * whose path names servers of its own (the agents', called directly): a described path that no route, or the
 * wrong route, takes fails here. The gateway's own answers (401 without credentials, 403 without the grant) are
 * checked against the document too, and never reach a service. The services' answers are checked at the real
 * services (secrets-service's {@code SecretsApiIT}, {@code HealthOpenApiIT}, agent-service's
 * {@code AgentApiMutualTlsIT}).
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false",
                "pacer.gateway.security.users[0].name=reader",
                "pacer.gateway.security.users[0].password={noop}reader-pw",
                "pacer.gateway.security.users[0].groups=team-a",
                "pacer.gateway.security.users[1].name=root",
                "pacer.gateway.security.users[1].password={noop}root-pw",
                "pacer.gateway.authz.rules[0].groups=team-a",
                "pacer.gateway.authz.rules[0].prefixes=/team-a",
                "pacer.gateway.authz.rules[0].actions=view",
                "pacer.gateway.authz.rules[1].principals=root",
                "pacer.gateway.authz.rules[1].prefixes=/",
                "pacer.gateway.authz.rules[1].actions=view,create,update,delete,kill"})
class OpenApiIT {

    static final Upstream SECRETS = new Upstream();
    static final Upstream HEALTH = new Upstream();
    static final Map<String, Upstream> SERVICES = Map.of(ServiceName.SECRETS.id(), SECRETS, ServiceName.HEALTH.id(), HEALTH);

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("spring.cloud.discovery.client.simple.instances.secrets-service[0].uri", SECRETS::url);
        registry.add("spring.cloud.discovery.client.simple.instances.health-service[0].uri", HEALTH::url);
    }

    @AfterAll
    static void stop() {
        SECRETS.server.stop(0);
        HEALTH.server.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void theDocument_needsCredentialsButNoGrant_andIsWireContractsOwn() throws IOException {
        Http.Response anonymous = Http.get(url(ApiPaths.OPENAPI));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"message\":\"Invalid username or password.\"}");
        assertThat(Http.client(null).withAuthorization(Http.basic("reader", "wrong")).get(url(ApiPaths.OPENAPI)).status())
                .isEqualTo(401);

        // reader may view /team-a only: the document is no app's business and needs no grant
        Http.Response served = Http.client(null).withAuthorization(Http.basic("reader", "reader-pw")).get(url(ApiPaths.OPENAPI));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/yaml");
        try (InputStream own = getClass().getClassLoader().getResourceAsStream(ApiPaths.OPENAPI_RESOURCE)) {
            assertThat(served.body()).isEqualTo(new String(own.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(OpenApiSpec.read(new ByteArrayInputStream(served.body().getBytes(StandardCharsets.UTF_8))).operations())
                .isNotEmpty();

        Http.Response write = Http.client(null).withAuthorization(Http.basic("root", "root-pw"))
                .send("PUT", url(ApiPaths.OPENAPI), "{}");
        assertThat(write.status()).isEqualTo(404);
        assertThat(write.header("Content-Type")).startsWith("application/json");
        assertThat(SECRETS.seen).noneMatch(s -> s.contains("openapi"));
        assertThat(HEALTH.seen).noneMatch(s -> s.contains("openapi"));
    }

    @Test
    void everyDescribedOperation_isRoutedToTheServiceItsTagNames() {
        OpenApiSpec spec = OpenApiSpec.classpath(ApiPaths.OPENAPI_RESOURCE);
        Http.Client root = Http.client(null).withAuthorization(Http.basic("root", "root-pw"));
        List<OpenApiSpec.Operation> routed = spec.operations().stream().filter(op -> !spec.hasOwnServers(op)).toList();
        assertThat(routed).isNotEmpty();
        for (OpenApiSpec.Operation op : routed) {
            String service = serviceOf(spec, op);
            Upstream upstream = SERVICES.get(service);
            assertThat(upstream).as(op + " names service " + service).isNotNull();
            String path = op.path().replaceAll("\\{[^}]+}", "team-a/x");
            String expected = op.method() + " " + path;
            upstream.seen.clear();

            Http.Response response = op.method().equals("GET") ? root.get(url(path)) : root.send(op.method(), url(path), "{}");

            assertThat(response.status()).as(expected).isEqualTo(200);
            assertThat(upstream.seen).as(expected + " reaches " + service).containsExactly(expected);
        }
    }

    @Test
    void theGatewaysOwnAnswers_areAsDescribed_andNeverReachAService() {
        OpenApiSpec spec = OpenApiSpec.classpath(ApiPaths.OPENAPI_RESOURCE);
        Http.Client reader = Http.client(null).withAuthorization(Http.basic("reader", "reader-pw"));
        List<String> violations = new ArrayList<>();
        SECRETS.seen.clear();
        HEALTH.seen.clear();
        for (OpenApiSpec.Operation op : spec.operations().stream().filter(op -> !spec.hasOwnServers(op)).toList()) {
            // team-b: a path the reader (view on /team-a only) has no grant on
            String path = op.path().replaceAll("\\{[^}]+}", "team-b/x");
            violations.addAll(checked(spec, Http.client(null), op, path));
            if (spec.documentedAnswers(op.path(), "gateway").contains(op + " 403")) {
                violations.addAll(checked(spec, reader, op, path));
            }
        }
        assertThat(violations).isEmpty();
        Set<String> notSeen = new TreeSet<>(spec.documentedAnswers(ApiPaths.API, "gateway"));
        notSeen.removeAll(spec.answersSeen());
        assertThat(notSeen).as("the gateway's documented answers never given").isEmpty();
        assertThat(SECRETS.seen).isEmpty();
        assertThat(HEALTH.seen).isEmpty();
    }

    private List<String> checked(OpenApiSpec spec, Http.Client client, OpenApiSpec.Operation op, String path) {
        Http.Response r = op.method().equals("GET") ? client.get(url(path)) : client.send(op.method(), url(path), "{}");
        return spec.check(op.method(), path, r.status(), r.header("Content-Type"), r.body());
    }

    private static String serviceOf(OpenApiSpec spec, OpenApiSpec.Operation op) {
        String tag = spec.root().path("paths").path(op.path()).path(op.method().toLowerCase(Locale.ROOT))
                .path("tags").path(0).asString();
        for (JsonNode t : spec.root().path("tags")) {
            if (t.path("name").asString().equals(tag)) {
                return t.path("x-pacer-service").asString();
            }
        }
        return "<tag '" + tag + "' not declared>";
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A service stand-in that records {@code METHOD path} of what it receives and answers {@code 200 {}}. */
    static final class Upstream {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final HttpServer server;

        Upstream() {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }
    }
}
