package dev.pacer.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import java.net.URI;
import org.junit.jupiter.api.Test;

class StatusPageTest {

    @Test
    void withTheApiUrl_linksTheAppsTasksInTheApi() {
        assertThat(StatusPage.url(URI.create("http://localhost:8080"), AppId.parse("/team/web"), "10.0.0.5", 31000))
                .isEqualTo("http://localhost:8080/v2/apps/team/web/tasks");
        assertThat(StatusPage.url(URI.create("https://pacer.example.com/marathon/"), AppId.parse("/web"), "h", 0))
                .isEqualTo("https://pacer.example.com/marathon/v2/apps/web/tasks");
    }

    @Test
    void withoutTheApiUrl_linksTheTasksOwnPort_orNothing() {
        assertThat(StatusPage.url(null, AppId.parse("/team/web"), "10.0.0.5", 31000)).isEqualTo("http://10.0.0.5:31000/");
        assertThat(StatusPage.url(null, AppId.parse("/team/worker"), "10.0.0.5", 0)).isNull();
    }
}
