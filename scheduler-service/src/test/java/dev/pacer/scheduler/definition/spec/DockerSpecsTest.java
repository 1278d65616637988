package dev.pacer.scheduler.definition.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.task.ContainerSpec;
import dev.pacer.scheduler.definition.AppDefinitions;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerSpecsTest {

    private static final AppDefinitions DEFS = new AppDefinitions();

    private static AppDefinition app(String body) {
        return DEFS.readNew(DEFS.json().parse(body));
    }

    @Test
    void aProcessApp_andAMesosContainer_haveNoDockerContainer() {
        assertThat(DockerSpecs.container(app("{\"id\":\"/p\",\"cmd\":\"sleep 1\"}"))).isNull();
        assertThat(DockerSpecs.container(app("{\"id\":\"/m\",\"cmd\":\"x\",\"container\":{\"type\":\"MESOS\"}}"))).isNull();
    }

    @Test
    void dockerOnTheHostNetwork_takesNoMappings() {
        ContainerSpec spec = DockerSpecs.container(app("""
                {"id":"/d","container":{"type":"DOCKER","docker":{"image":"img:1","forcePullImage":true}}}"""));
        assertThat(spec.image()).isEqualTo("img:1");
        assertThat(spec.forcePullImage()).isTrue();
        assertThat(spec.privileged()).isFalse();
        assertThat(spec.network()).isEqualTo(ContainerSpec.HOST);
        assertThat(spec.portMappings()).isEmpty();
    }

    @Test
    void legacyBridgeNetwork_mappingsAndVolumes_secretVolumesLeftToTheSecretFiles() {
        AppDefinition app = app("""
                {"id":"/b","secrets":{"s1":{"source":"team/db"}},
                 "container":{"type":"DOCKER","docker":{"image":"img","network":"BRIDGE",
                   "portMappings":[{"containerPort":80,"hostPort":8081,"protocol":"udp"},{"containerPort":81}]},
                   "volumes":[{"containerPath":"/data","hostPath":"/srv","mode":"RO"},{"containerPath":"db","secret":"s1"}]}}""");
        ContainerSpec spec = DockerSpecs.container(app);
        assertThat(spec.network()).isEqualTo(ContainerSpec.BRIDGE);
        assertThat(spec.portMappings()).containsExactly(new ContainerSpec.PortMapping(80, 8081, "udp", null),
                new ContainerSpec.PortMapping(81, 0, "tcp", null));
        assertThat(spec.volumes()).containsExactly(new ContainerSpec.Volume("/data", "/srv", "RO"));
        assertThat(DockerSpecs.requiredHostPorts(app)).as("a fixed host port is required as it is").containsExactly(8081, 0);
        assertThat(spec.withHostPorts(List.of(8081, 31002)).portMappings()).extracting(ContainerSpec.PortMapping::hostPort)
                .containsExactly(8081, 31002);
    }

    @Test
    void aNamedContainerNetwork_isUser() {
        ContainerSpec spec = DockerSpecs.container(app("""
                {"id":"/u","networks":[{"mode":"container","name":"overlay-a"}],
                 "container":{"type":"DOCKER","docker":{"image":"img"},"portMappings":[{"containerPort":80}]}}"""));
        assertThat(spec.network()).isEqualTo(ContainerSpec.USER);
        assertThat(spec.networkName()).isEqualTo("overlay-a");
    }
}
