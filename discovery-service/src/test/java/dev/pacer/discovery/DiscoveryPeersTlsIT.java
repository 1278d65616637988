package dev.pacer.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.pacer.runtime.ClusterPki;
import dev.pacer.runtime.ManagedProcess;
import dev.pacer.testsupport.FreePorts;
import dev.pacer.testsupport.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link DiscoveryPeersIT} with mutual TLS: two peers from the packaged jar, each with its {@code discovery}
 * certificate. Peers register with each other and replicate over https presenting their certificates (Eureka's
 * own Jersey client, through the JVM default context {@code DiscoveryTls} sets); an agent registers on one
 * and is seen on the other; a caller without a certificate of the CA gets no session, Prometheus no registry.
 */
class DiscoveryPeersTlsIT {

    static final int PORT_A = FreePorts.next();
    static final int PORT_B = FreePorts.next();
    static final int PROBES_A = FreePorts.next();
    static final int PROBES_B = FreePorts.next();
    static final Path DIR = Path.of("target", "peers-tls-it");
    static final ClusterPki CA = ClusterPki.create("test CA");
    static final Http.Client OPERATOR = Http.client(CA.issue("operator", Duration.ofHours(1)).sslContext());
    static final Http.Client AGENT = Http.client(CA.issue("agent:agent-a", Duration.ofHours(1)).sslContext());
    static ManagedProcess peerA;
    static ManagedProcess peerB;

    @BeforeAll
    static void startTwoPeers() {
        Path certificates = CA.issue("discovery", Duration.ofHours(1)).write(DIR.resolve("tls"));
        peerA = peer("discovery-a", PORT_A, PROBES_A, certificates);
        peerB = peer("discovery-b", PORT_B, PROBES_B, certificates);
        peerA.awaitReady(() -> ready(PROBES_A), Duration.ofSeconds(90));
        peerB.awaitReady(() -> ready(PROBES_B), Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopThem() {
        if (peerA != null) {
            peerA.stop(Duration.ofSeconds(10));
        }
        if (peerB != null) {
            peerB.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void thePeers_registerWithEachOther_overMutualTls() {
        await().atMost(Duration.ofSeconds(30)).until(() -> body(PORT_A, "DISCOVERY-SERVICE").contains(":" + PORT_B + "\"")
                && body(PORT_B, "DISCOVERY-SERVICE").contains(":" + PORT_A + "\""));
    }

    @Test
    void anInstanceAnAgentRegistersOnOnePeer_isReplicatedToTheOther_andRemovedThere() {
        String instance = """
                {"instance":{"instanceId":"t1","hostName":"localhost","app":"APP-REPL","ipAddr":"127.0.0.1",
                "status":"UP","port":{"$":31001,"@enabled":"true"},
                "leaseInfo":{"renewalIntervalInSecs":2,"durationInSecs":30},
                "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}""";
        assertThat(AGENT.send("POST", eureka(PORT_A, "APP-REPL"), instance).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> body(PORT_B, "APP-REPL").contains("\"UP\""));

        assertThat(AGENT.send("DELETE", eureka(PORT_A, "APP-REPL/t1"), null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> OPERATOR.get(eureka(PORT_B, "APP-REPL"), "application/json").status() == 404);
    }

    @Test
    void withoutACertificateOfTheCa_thereIsNoSession_andPrometheusSeesNoRegistry() {
        Http.Client none = Http.client(CA.trustOnlyContext());
        assertThat(catchThrowable(() -> none.get(eureka(PORT_A, ""), "application/json"))).isNotNull();
        Http.Client prometheus = Http.client(CA.issue("prometheus", Duration.ofHours(1)).sslContext());
        assertThat(prometheus.get("https://localhost:" + PORT_A + "/", "text/html").status()).isEqualTo(403);
        assertThat(prometheus.get("https://localhost:" + PORT_A + "/actuator/prometheus").status()).isEqualTo(200);
        assertThat(OPERATOR.get("https://localhost:" + PORT_A + "/", "text/html").body()).contains("<title>Eureka</title>");
    }

    private static ManagedProcess peer(String name, int port, int probes, Path tls) {
        Path jar = Path.of("target", "discovery-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run through 'mvn verify' (package comes first)");
        }
        String peers = "https://localhost:" + PORT_A + "/eureka/,https://localhost:" + PORT_B + "/eureka/";
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx256m",
                "-Dpacer.parent-pid=" + ProcessHandle.current().pid(),
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--pacer.probes.port=" + probes,
                "--pacer.tls.ca=" + tls.resolve(ClusterPki.CA_CERT),
                "--pacer.tls.certificate=" + tls.resolve(ClusterPki.CERT),
                "--pacer.tls.private-key=" + tls.resolve(ClusterPki.KEY),
                "--eureka.client.service-url.defaultZone=" + peers,
                "--eureka.client.register-with-eureka=true",
                "--eureka.client.fetch-registry=true",
                "--eureka.instance.hostname=localhost",
                "--eureka.server.my-url=https://localhost:" + port + "/eureka/"));
        return ManagedProcess.start(name, command, DIR);
    }

    private static boolean ready(int probes) {
        try {
            return Http.get("http://127.0.0.1:" + probes + "/readyz").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String body(int port, String app) {
        Http.Response response = OPERATOR.get(eureka(port, app), "application/json");
        return response.status() == 200 ? response.body() : "";
    }

    private static String eureka(int port, String path) {
        return "https://localhost:" + port + "/eureka/apps/" + path;
    }
}
