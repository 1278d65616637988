package dev.pacer.agent.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.agent.AgentProperties;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeResolverTest {

    private static final HostFacts HOST = new HostFacts("worker-7.example", null, 8090, 8, 16L * 1024 * 1024 * 1024,
            Path.of("/tmp"));

    @Test
    void defaults_comeFromTheMachine() {
        AgentNode node = NodeResolver.resolve(properties(null, null, null, null, null), HOST);

        assertThat(node.id().value()).isEqualTo("worker-7.example-8090");
        assertThat(node.host()).isEqualTo("worker-7.example");
        assertThat(node.capacity()).isEqualTo(new Resources(8, 8192, 10240));
        assertThat(node.ports()).isEqualTo(new PortRange(31000, 32000));
        assertThat(node.workDir()).isEqualTo(Path.of("/tmp/pacer-agent/worker-7.example-8090"));
        assertThat(node.info(8090).apiUrl()).isEqualTo("http://worker-7.example:8090");
    }

    @Test
    void eurekaHostname_isTheAdvertisedHost_unlessOneIsConfigured() {
        HostFacts withEureka = new HostFacts("worker-7", "w7.internal", 8090, 2, 0, Path.of("/tmp"));

        assertThat(NodeResolver.resolve(properties(null, null, null, null, null), withEureka).host()).isEqualTo("w7.internal");
        assertThat(NodeResolver.resolve(properties(null, "w7.public", null, null, null), withEureka).host()).isEqualTo("w7.public");
    }

    @Test
    void unknownPhysicalMemory_offers4096MiB() {
        HostFacts unknown = new HostFacts("h", null, 8090, 2, 0, Path.of("/tmp"));

        assertThat(NodeResolver.resolve(properties(null, null, null, null, null), unknown).capacity().mem()).isEqualTo(4096);
    }

    @Test
    void configuredValues_win() {
        AgentNode node = NodeResolver.resolve(properties("a1", "h1", 2.5, 1000.0, Path.of("/var/lib/pacer")), HOST);

        assertThat(node.id().value()).isEqualTo("a1");
        assertThat(node.capacity()).isEqualTo(new Resources(2.5, 1000, 10240));
        assertThat(node.workDir()).isEqualTo(Path.of("/var/lib/pacer"));
    }

    @Test
    void defaultId_keepsOnlyCharactersAnAgentIdAllows() {
        HostFacts odd = new HostFacts("_my host!", null, 9000, 1, 0, Path.of("/tmp"));

        assertThat(NodeResolver.defaultId(odd)).isEqualTo("my-host--9000");
    }

    @Test
    void portRanges_bindFromText() {
        PortRangeConverter converter = new PortRangeConverter();

        assertThat(converter.convert("31000-32000")).isEqualTo(new PortRange(31000, 32000));
        assertThat(converter.convert(" 10000 - 10010 ")).isEqualTo(new PortRange(10000, 10010));
        assertThat(converter.convert("8080")).isEqualTo(new PortRange(8080, 8080));
        assertThatThrownBy(() -> converter.convert("a-b")).hasMessageContaining("31000-32000");
    }

    private static AgentProperties properties(String id, String host, Double cpus, Double mem, Path workDir) {
        return new AgentProperties(id, host, "default", "default", Map.of(), cpus, mem, 10240,
                new PortRange(31000, 32000), Duration.ofSeconds(2), workDir, Duration.ofHours(1), Duration.ofSeconds(3),
                10000, Duration.ofSeconds(1));
    }
}
