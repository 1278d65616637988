package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ApiPaths;
import dev.pacer.testsupport.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The doors of the real stack: every internal port against callers without the stack's certificates and
 * certified callers of the wrong identity, and the generated credentials (printed once, 0600, never on a
 * command line).
 */
final class InternalPortsOnTheStack {

    private final StackOptions.Ports ports;
    private final StackFiles files;
    private final Http.Client api;
    private final Http.Client internal;

    /**
     * @param api      the gateway, as its admin
     * @param internal internal ports, with the operator's certificate
     */
    InternalPortsOnTheStack(StackOptions.Ports ports, StackFiles files, Http.Client api, Http.Client internal) {
        this.ports = ports;
        this.files = files;
        this.api = api;
        this.internal = internal;
    }

    /**
     * No open door between services: each internal port refuses a caller without a certificate of the
     * stack's CA (none, another CA's, plain HTTP) and a certified caller whose identity the endpoint does not
     * accept (a JSON 403), and none of these calls changed anything.
     */
    void refuseStrangersAndWrongIdentities() {
        Http.Client noCertificate = Http.client(files.noCertificateTls());
        Http.Client foreign = Http.client(files.foreignTls("scheduler"));
        List<String[]> writes = List.of(
                new String[] {"POST", service(ports.agentA(), ApiPaths.AGENT_TASKS), "{\"taskId\":\"intruder.1\",\"cmd\":\"sleep 1\"}"},
                new String[] {"POST", service(ports.scheduler(), ApiPaths.V2_APPS), "{\"id\":\"/intruder\",\"cmd\":\"sleep 1\"}"},
                new String[] {"PUT", service(ports.secrets(), ApiPaths.API_SECRETS + "/intruder"), "{\"value\":\"x\"}"},
                new String[] {"POST", service(ports.discovery(), "/eureka/apps/INTRUDER"), EUREKA_REGISTRATION},
                new String[] {"GET", service(ports.scheduler(), ApiPaths.ACTUATOR_PROMETHEUS), null},
                new String[] {"GET", service(ports.gatewayManagement(), "/actuator/members"), null},
                new String[] {"GET", service(ports.health(), ApiPaths.API_HEALTH_MEMBERS), null});
        for (String[] call : writes) {
            assertRefused(() -> noCertificate.send(call[0], call[1], call[2]), "no certificate: " + call[0] + " " + call[1]);
            assertRefused(() -> foreign.send(call[0], call[1], call[2]), "another CA: " + call[0] + " " + call[1]);
            assertRefused(() -> Http.send(call[0], call[1].replace("https://", "http://"), call[2]), "plain: " + call[0] + " " + call[1]);
        }

        Http.Client agent = Http.client(files.identityTls("agent-a"));
        Http.Client prometheus = Http.client(files.identityTls(StackPki.PROMETHEUS));
        Http.Client gatewayIdentity = Http.client(files.identityTls("gateway-service"));
        assertForbidden(internal.send("POST", writes.get(0)[1], writes.get(0)[2]), "the operator launching on an agent");
        assertForbidden(gatewayIdentity.send("POST", writes.get(0)[1], writes.get(0)[2]), "the gateway launching on an agent");
        assertForbidden(agent.send("POST", writes.get(1)[1], writes.get(1)[2]), "an agent writing to the scheduler");
        assertForbidden(prometheus.send("POST", writes.get(1)[1], writes.get(1)[2]), "Prometheus writing to the scheduler");
        assertForbidden(agent.send("PUT", writes.get(2)[1], writes.get(2)[2]), "an agent writing a secret");
        assertForbidden(gatewayIdentity.send("POST", service(ports.secrets(), "/api/secrets/_rewrap"), null), "the gateway rewrapping");
        assertForbidden(gatewayIdentity.send("POST", service(ports.secrets(), "/api/secrets/_redeem"), "{}"), "the gateway redeeming");
        assertForbidden(agent.get(service(ports.scheduler(), ApiPaths.ACTUATOR_PROMETHEUS)), "an agent reading actuator");

        assertThat(api.get(gateway(ApiPaths.V2_APPS + "/intruder")).status()).isEqualTo(404);
        assertThat(api.get(gateway(ApiPaths.API_SECRETS + "/intruder")).status()).isEqualTo(404);
        assertThat(internal.get(discovery("/eureka/apps"), "application/json").body()).doesNotContain("INTRUDER");
        assertThat(internal.get(service(ports.agentA(), ApiPaths.AGENT_TASKS)).body()).doesNotContain("intruder");
    }

    private static final String EUREKA_REGISTRATION = """
            {"instance":{"instanceId":"intruder","hostName":"localhost","app":"INTRUDER","ipAddr":"127.0.0.1",
             "status":"UP","port":{"$":1,"@enabled":"true"},"dataCenterInfo":{"@class":
             "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}""";

    /** The TLS handshake fails (or, plain HTTP to a TLS port, the server answers 400 and does nothing). */
    private static void assertRefused(Supplier<Http.Response> call, String what) {
        try {
            Http.Response response = call.get();
            assertThat(response.status()).as("%s answered %s", what, response.body()).isEqualTo(400);
        } catch (UncheckedIOException expected) {
            // the handshake was refused
        }
    }

    private static void assertForbidden(Http.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(403);
        assertThat(response.body()).as(what).startsWith("{\"message\":\"Caller ");
    }

    /**
     * The first start generated the gateway's admin credential, printed it once, keeps it 0600 and it
     * works; every generated key, password and config file is 0600, and no password is on a command line.
     */
    void credentialPrintedOnceAndNothingSecretInTheOpen(Path output, List<ProcessHandle> started) throws IOException {
        String[] admin = files.adminCredential().split(":", 2);
        assertThat(admin[0]).isEqualTo("admin");
        assertThat(admin[1]).hasSizeGreaterThanOrEqualTo(20);
        String printed = Files.readString(output);
        assertThat(printed).contains("curl -u admin:" + admin[1] + " localhost:" + ports.gateway() + "/v2/info");
        assertThat(printed.split(Pattern.quote(admin[1]), -1)).as("printed twice in one summary").hasSize(3);
        assertThat(api.get(gateway(ApiPaths.V2_INFO)).status()).isEqualTo(200);

        List<Path> ownerOnly = new ArrayList<>(List.of(files.dir().resolve("admin-credential"), files.dir().resolve("redis/password"),
                files.dir().resolve("tls/ca.key"), files.dir().resolve("tls/operator/operator.p12")));
        try (Stream<Path> walk = Files.walk(files.dir().resolve("tls"))) {
            ownerOnly.addAll(walk.filter(p -> p.getFileName().toString().equals("key.pem")).toList());
        }
        try (Stream<Path> walk = Files.walk(files.dir().resolve("config"))) {
            ownerOnly.addAll(walk.filter(Files::isRegularFile).toList());
        }
        assertThat(ownerOnly).hasSizeGreaterThan(15);
        for (Path file : ownerOnly) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as("mode of %s", file).isEqualTo("rw-------");
        }
        assertThat(Files.readString(files.dir().resolve("config/gateway-service.properties")))
                .contains("pacer.gateway.security.admin.password={bcrypt}").doesNotContain(admin[1]);
        for (ProcessHandle process : started) {
            String command = process.info().commandLine().orElse("");
            assertThat(command).doesNotContain(admin[1]).doesNotContain(files.redisPassword());
        }
    }

    private String gateway(String path) {
        return "http://localhost:" + ports.gateway() + path;
    }

    private String discovery(String path) {
        return service(ports.discovery(), path);
    }

    private static String service(int port, String path) {
        return "https://localhost:" + port + path;
    }
}
