package dev.pacer.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The Eureka server on a real port: its dashboard, its REST API, and JSON errors elsewhere. */
@SpringBootTest(classes = DiscoveryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiscoveryServiceIT {

    @Value("${local.server.port}")
    int port;

    @Test
    void dashboard_isAnHtmlPage() {
        Http.Response response = Http.get(url("/"), "text/html");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Instances currently registered with Eureka");
    }

    @Test
    void dashboard_namesItsEnvironment_localByDefault() {
        String page = Http.get(url("/"), "text/html").body().replaceAll("\\s+", " ");
        assertThat(page).contains("<td>Environment</td> <td>local</td>").contains("<td>Data center</td> <td>local</td>")
                .doesNotContain("<td>test</td>");
    }

    @Test
    void registeringAnInstance_showsOnTheDashboard() {
        String instance = """
                {"instance":{"instanceId":"probe:1","hostName":"localhost","app":"PROBE-SERVICE","ipAddr":"127.0.0.1",
                "status":"UP","port":{"$":1,"@enabled":"true"},"dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}""";
        Http.Response registered = Http.send("POST", url("/eureka/apps/PROBE-SERVICE"), instance);
        assertThat(registered.status()).isEqualTo(204);

        assertThat(Http.get(url("/"), "text/html").body()).contains("PROBE-SERVICE");
    }

    @Test
    void unknownPath_isJson404() {
        Http.Response response = Http.get(url("/nope"), "text/html");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Path '/nope' does not exist\"}");
    }

    @Test
    void probes_areUp() {
        assertThat(Http.get(url("/actuator/health/liveness")).status()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/health/readiness")).status()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/prometheus")).status()).isEqualTo(200);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
