package dev.pacer.contract.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchRequestTest {

    private static LaunchRequest request(String cmd, List<String> args, ContainerSpec container) {
        return new LaunchRequest("t1", "/a", "v", cmd, args, Map.of(), Map.of(), List.of(), List.of(), 0.1, 32, 0, 0,
                List.of(), Map.of(), Map.of(), null, null, container);
    }

    @Test
    void process_needsExactlyOneOfCmdAndArgs() {
        assertThatThrownBy(() -> request(null, List.of(), null)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> request("x", List.of("y"), null)).hasMessageContaining("exactly one");
        assertThat(request("sleep 1", null, null).runsContainer()).isFalse();
    }

    @Test
    void container_runsItsImageCommandWithNeitherCmdNorArgs_butNeverBoth() {
        assertThat(request(null, null, ContainerSpec.of("pacer/test-http")).runsContainer()).isTrue();
        assertThat(request(null, List.of("serve", "8080"), ContainerSpec.of("i")).args()).containsExactly("serve", "8080");
        assertThatThrownBy(() -> request("x", List.of("y"), ContainerSpec.of("i"))).hasMessageContaining("not both");
    }

    @Test
    void containerSpec_defaults() {
        ContainerSpec spec = new ContainerSpec("i", false, false, null, null, null, null, null);
        assertThat(spec.network()).isEqualTo(ContainerSpec.HOST);
        assertThat(spec.parameters()).isEmpty();
        assertThat(new ContainerSpec.PortMapping(0, 31005, null, null).effectiveContainerPort()).isEqualTo(31005);
        assertThat(new ContainerSpec.PortMapping(8080, 31005, null, null).protocol()).isEqualTo("tcp");
        assertThat(new ContainerSpec.Volume("/data", "/srv", null).readOnly()).isFalse();
        assertThat(new ContainerSpec.Volume("/data", "/srv", "RO").readOnly()).isTrue();
    }

    @Test
    void withContainer_keepsEverythingElse() {
        LaunchRequest plain = request(null, List.of("serve"), ContainerSpec.of("i"));
        LaunchRequest with = plain.withContainer(ContainerSpec.of("j"), "nobody");
        assertThat(with.container().image()).isEqualTo("j");
        assertThat(with.user()).isEqualTo("nobody");
        assertThat(with.args()).isEqualTo(plain.args());
    }
}
