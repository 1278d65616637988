package dev.pacer.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * Two discovery-service peers, each in its own JVM from the packaged jar, configured as in production
 * (every peer in {@code defaultZone}, peers on): whatever is registered, changed or removed on one is
 * seen on the other. Peers share the host name here, so each is told its own URL ({@code
 * eureka.server.my-url}) to tell itself apart from the other.
 */
class DiscoveryPeersIT {

    static final int PORT_A = FreePorts.next();
    static final int PORT_B = FreePorts.next();
    static final Path LOGS = Path.of("target", "peers-it");
    static ManagedProcess peerA;
    static ManagedProcess peerB;

    @BeforeAll
    static void startTwoPeers() {
        peerA = peer("discovery-a", PORT_A);
        peerB = peer("discovery-b", PORT_B);
        peerA.awaitReady(() -> up(PORT_A), Duration.ofSeconds(90));
        peerB.awaitReady(() -> up(PORT_B), Duration.ofSeconds(90));
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
    void thePeers_registerWithEachOther() {
        await().atMost(Duration.ofSeconds(30)).until(() -> body(PORT_A, "DISCOVERY-SERVICE").contains(":" + PORT_B + "\"")
                && body(PORT_B, "DISCOVERY-SERVICE").contains(":" + PORT_A + "\""));
    }

    @Test
    void anInstanceRegisteredOnOnePeer_isChangedAndRemovedOnTheOther() {
        String instance = """
                {"instance":{"instanceId":"t1","hostName":"localhost","app":"APP-REPL","ipAddr":"127.0.0.1",
                "status":"STARTING","port":{"$":31001,"@enabled":"true"},
                "leaseInfo":{"renewalIntervalInSecs":2,"durationInSecs":30},
                "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}""";
        assertThat(Http.send("POST", eureka(PORT_A, "APP-REPL"), instance).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> body(PORT_B, "APP-REPL").contains("\"STARTING\""));

        assertThat(Http.send("PUT", eureka(PORT_B, "APP-REPL/t1/status?value=UP"), null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> body(PORT_A, "APP-REPL").contains("\"status\":\"UP\""));

        assertThat(Http.send("DELETE", eureka(PORT_A, "APP-REPL/t1"), null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(eureka(PORT_B, "APP-REPL"), "application/json").status() == 404);
    }

    private static ManagedProcess peer(String name, int port) {
        Path jar = Path.of("target", "discovery-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run through 'mvn verify' (package comes first)");
        }
        String peers = "http://localhost:" + PORT_A + "/eureka/,http://localhost:" + PORT_B + "/eureka/";
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx256m",
                "-Dpacer.parent-pid=" + ProcessHandle.current().pid(),
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--eureka.client.service-url.defaultZone=" + peers,
                "--eureka.client.register-with-eureka=true",
                "--eureka.client.fetch-registry=true",
                "--eureka.instance.hostname=localhost",
                "--eureka.server.my-url=http://localhost:" + port + "/eureka/"));
        return ManagedProcess.start(name, command, LOGS);
    }

    private static boolean up(int port) {
        try {
            return Http.get("http://localhost:" + port + "/actuator/health/readiness").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String body(int port, String app) {
        Http.Response response = Http.get(eureka(port, app), "application/json");
        return response.status() == 200 ? response.body() : "";
    }

    private static String eureka(int port, String path) {
        return "http://localhost:" + port + "/eureka/apps/" + path;
    }
}
