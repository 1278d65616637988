package dev.pacer.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.pacer.boot.tls.PacerTls;
import dev.pacer.testsupport.FakeEureka;
import dev.pacer.testsupport.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The agent's Eureka calls on real HTTP: Eureka's own transport and body, and the failover between peers. */
class EurekaRestClientIT {

    private final FakeEureka eureka = FakeEureka.start(Duration.ofSeconds(30));
    private final AtomicInteger failingCalls = new AtomicInteger();
    private HttpServer failing;
    private String down;

    @BeforeEach
    void peers() throws IOException {
        failing = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        failing.createContext("/", exchange -> {
            failingCalls.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        failing.start();
        down = "http://localhost:" + FreePorts.next() + "/eureka/"; // nothing listens there
    }

    @AfterEach
    void close() {
        failing.stop(0);
        eureka.close();
    }

    private String failingUrl() {
        return "http://localhost:" + failing.getAddress().getPort() + "/eureka/";
    }

    private static TaskInstance instance(String taskId) {
        return new TaskInstance(taskId, "/team/web", "APP-TEAM_WEB", "node-1.example", 31005,
                "http://gateway.example/v2/apps/team/web/tasks", 0, Map.of("pacer.appId", "/team/web", "zone", "a"), 2, 6);
    }

    @Test
    void aPeerDownAndOneAnswering5xx_areSkipped_andThePeerThatAnsweredIsAskedFirstAfterwards() {
        EurekaRestClient client = new EurekaRestClient(List.of(down, failingUrl(), eureka.url()), Duration.ofSeconds(2),
                PacerTls.off());
        TaskInstance task = instance("team_web.t1");

        client.register(task, "STARTING", 1_700_000_000_123L);
        task.current = "STARTING";
        assertThat(eureka.status("APP-TEAM_WEB", "team_web.t1")).contains("STARTING");
        assertThat(failingCalls.get()).isEqualTo(1);

        assertThat(client.status(task, "UP")).isTrue();
        task.current = "UP";
        assertThat(client.renew(task)).isTrue();
        client.cancel(task);

        assertThat(failingCalls.get()).isEqualTo(1);
        assertThat(eureka.status("APP-TEAM_WEB", "team_web.t1")).isEmpty();
        assertThat(eureka.calls()).extracting(c -> c.method() + " " + c.path()).containsExactly(
                "POST /APP-TEAM_WEB", "PUT /APP-TEAM_WEB/team_web.t1/status", "PUT /APP-TEAM_WEB/team_web.t1",
                "DELETE /APP-TEAM_WEB/team_web.t1");
    }

    @Test
    void theRegistration_isEurekasInstanceInfo_withPortLeaseMetadataStatusPageAndVersion() {
        EurekaRestClient client = new EurekaRestClient(List.of(eureka.url()), Duration.ofSeconds(2), PacerTls.off());
        client.register(instance("team_web.t2"), "UP", 1_700_000_000_456L);

        JsonNode i = eureka.instance("APP-TEAM_WEB", "team_web.t2").orElseThrow();
        assertThat(i.path("hostName").asString()).isEqualTo("node-1.example");
        assertThat(i.path("ipAddr").asString()).isEqualTo("node-1.example");
        assertThat(i.path("app").asString()).isEqualTo("APP-TEAM_WEB");
        assertThat(i.path("vipAddress").asString()).isEqualTo("app-team_web");
        assertThat(i.path("port").path("$").asInt()).isEqualTo(31005);
        assertThat(i.path("port").path("@enabled").asString()).isEqualTo("true");
        assertThat(i.path("securePort").path("@enabled").asString()).isEqualTo("false");
        assertThat(i.path("leaseInfo").path("renewalIntervalInSecs").asInt()).isEqualTo(2);
        assertThat(i.path("leaseInfo").path("durationInSecs").asInt()).isEqualTo(6);
        assertThat(i.path("metadata").path("pacer.appId").asString()).isEqualTo("/team/web");
        assertThat(i.path("metadata").path("zone").asString()).isEqualTo("a");
        assertThat(i.path("statusPageUrl").asString()).isEqualTo("http://gateway.example/v2/apps/team/web/tasks");
        assertThat(i.path("dataCenterInfo").path("name").asString()).isEqualTo("MyOwn");
        assertThat(i.path("lastDirtyTimestamp").asString()).isEqualTo("1700000000456");
    }

    @Test
    void anInstanceEurekaDoesNotKnow_isNotRenewed_andNoPeerAnswering_isEurekaUnavailable() {
        EurekaRestClient client = new EurekaRestClient(List.of(eureka.url()), Duration.ofSeconds(2), PacerTls.off());
        TaskInstance unknown = instance("team_web.t3");
        unknown.current = "UP";
        assertThat(client.renew(unknown)).isFalse();
        assertThat(client.status(unknown, "DOWN")).isFalse();

        EurekaRestClient nobody = new EurekaRestClient(List.of(down, failingUrl()), Duration.ofSeconds(2), PacerTls.off());
        assertThatThrownBy(() -> nobody.renew(unknown)).isInstanceOf(EurekaUnavailableException.class)
                .hasMessageContaining("failed on every peer").hasMessageContaining("answered 503");
    }
}
