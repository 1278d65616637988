package dev.pacer.agent.task.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.task.ContainerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerPolicyTest {

    @TempDir
    Path tmp;

    private DockerPolicy policy(boolean privileged, List<String> parameters, List<Path> prefixes) {
        return new DockerPolicy(new DockerProperties(true, "docker", privileged, parameters, prefixes, 0, null,
                Duration.ofSeconds(5), Duration.ofSeconds(5), 1));
    }

    private static ContainerSpec spec(boolean privileged, List<ContainerSpec.Parameter> parameters,
                                      List<ContainerSpec.Volume> volumes) {
        return new ContainerSpec("img", false, privileged, parameters, ContainerSpec.HOST, null, List.of(), volumes);
    }

    @Test
    void privileged_refusedUnlessAllowed() {
        assertThat(policy(false, List.of(), List.of()).refusal(spec(true, List.of(), List.of()), tmp))
                .hasValueSatisfying(m -> assertThat(m).contains("privileged containers are not allowed"));
        assertThat(policy(true, List.of(), List.of()).refusal(spec(true, List.of(), List.of()), tmp)).isEmpty();
    }

    @Test
    void parameters_onlyFromTheAllowList() {
        List<ContainerSpec.Parameter> asked = List.of(new ContainerSpec.Parameter("label", "x"),
                new ContainerSpec.Parameter("cap-add", "SYS_ADMIN"));
        assertThat(policy(false, List.of("label"), List.of()).refusal(spec(false, asked, List.of()), tmp))
                .hasValueSatisfying(m -> assertThat(m).contains("'cap-add' is not allowed"));
        assertThat(policy(false, List.of("label", "cap-add"), List.of()).refusal(spec(false, asked, List.of()), tmp)).isEmpty();
    }

    @Test
    void volumes_onlyUnderAllowedPrefixes_relativeOnlyInsideTheSandbox_noLinkOut() throws IOException {
        Path allowed = Files.createDirectories(tmp.resolve("srv"));
        Path sandbox = Files.createDirectories(tmp.resolve("sandbox"));
        Files.createSymbolicLink(allowed.resolve("out"), Path.of("/etc"));
        DockerPolicy policy = policy(false, List.of(), List.of(allowed));
        assertThat(policy.refusal(spec(false, List.of(), List.of(vol(allowed + "/data"))), sandbox)).isEmpty();
        assertThat(policy.refusal(spec(false, List.of(), List.of(vol("cache/x"))), sandbox)).isEmpty();
        assertThat(policy.refusal(spec(false, List.of(), List.of(vol("/etc"))), sandbox)).isPresent();
        assertThat(policy.refusal(spec(false, List.of(), List.of(vol(allowed + "/../etc"))), sandbox)).isPresent();
        assertThat(policy.refusal(spec(false, List.of(), List.of(vol("../other"))), sandbox))
                .hasValueSatisfying(m -> assertThat(m).contains("leaves the sandbox"));
        assertThat(policy.refusal(spec(false, List.of(), List.of(vol(allowed + "/out/passwd"))), sandbox))
                .as("a link under the prefix that leads out of it").isPresent();
        assertThat(policy.refusal(spec(false, List.of(), List.of(new ContainerSpec.Volume("/d", null, "RW"))), sandbox))
                .hasValueSatisfying(m -> assertThat(m).contains("only host volumes"));
    }

    private static ContainerSpec.Volume vol(String hostPath) {
        return new ContainerSpec.Volume("/mnt/x", hostPath, "RW");
    }
}
