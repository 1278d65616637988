package dev.pacer.agent.task.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.task.ContainerSpec;
import dev.pacer.contract.task.LaunchRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LaunchBodyContainerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aContainerWithOnlyAnImage_readsWithDefaults_andRoundTrips() {
        LaunchBody body = JSON.readValue("""
                {"taskId":"web.instance-4f1b8c1e-0d8e-4a5e-9c44-5d2f1b9a7e21._app.1","appId":"/web","version":"v1","ports":[31001],"cpus":0.1,"mem":32,
                 "container":{"image":"pacer/test-http","network":"BRIDGE","portMappings":[{"hostPort":31001}]},
                 "user":"nobody"}""", LaunchBody.class);
        LaunchRequest request = LaunchValidator.validated(body);
        ContainerSpec spec = request.container();
        assertThat(spec.forcePullImage()).isFalse();
        assertThat(spec.privileged()).isFalse();
        assertThat(spec.portMappings()).containsExactly(new ContainerSpec.PortMapping(0, 31001, "tcp", null));
        assertThat(request.user()).isEqualTo("nobody");
        assertThat(JSON.readValue(JSON.writeValueAsString(request), LaunchRequest.class)).isEqualTo(request);
    }

    @Test
    void aProcessLaunch_withoutTheNewFields_isStillAProcess() {
        LaunchRequest request = JSON.readValue("""
                {"taskId":"t","appId":"/web","version":"v1","cmd":"sleep 1","cpus":0.1,"mem":32,"disk":0,
                 "killGracePeriodSeconds":0}""", LaunchRequest.class);
        assertThat(request.runsContainer()).isFalse();
        assertThat(request.user()).isNull();
    }
}
