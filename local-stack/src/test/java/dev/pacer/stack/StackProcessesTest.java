package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the launcher tells discovery and the agents about the stack they are part of. */
class StackProcessesTest {

    private final StackOptions options = new StackOptions(Path.of("/checkout"), Path.of("/checkout/.pacer/logs"), null,
            StackOptions.Ports.from(20000), Duration.ofSeconds(60), false, false);
    private final StackProcesses processes = new StackProcesses(options, null, null, "redis://127.0.0.1:20007");

    @Test
    void discovery_namesTheLocalEnvironmentOnItsDashboard() {
        assertThat(processes.discovery()).containsAll(processes.internal())
                .contains("--eureka.environment=local", "--eureka.datacenter=local");
    }

    @Test
    void agents_linkTheirTaskInstancesToTheApiThroughTheGateway() {
        assertThat(processes.agent("agent-a", "a", 20005))
                .contains("--pacer.agent.discovery.api-url=http://localhost:20001", "--pacer.agent.zone=a");
    }
}
