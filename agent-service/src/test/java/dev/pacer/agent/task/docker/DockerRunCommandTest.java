package dev.pacer.agent.task.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.task.ContainerSpec;
import dev.pacer.contract.task.LaunchRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerRunCommandTest {

    private static final DockerRunCommand.Host HOST = new DockerRunCommand.Host("a1", "127.0.0.1", 256, 2);
    private static final Path SANDBOX = Path.of("/var/pacer/sandboxes/t1");

    private static LaunchRequest request(String cmd, List<String> args, ContainerSpec spec, double cpus, double mem,
                                         String user, List<Integer> ports) {
        List<String> names = new ArrayList<>();
        ports.forEach(p -> names.add(null));
        return new LaunchRequest("web.instance-1", "/team/web", "v1", cmd, args, Map.of("A", "1"), Map.of(), ports, names,
                cpus, mem, 0, 3, List.of(), Map.of(), Map.of(), null, user, spec);
    }

    @Test
    void bridge_publishesEachMappingOnTheHostAddress_containerPortZeroMeaningTheHostPort() {
        ContainerSpec spec = new ContainerSpec("pacer/test-http", false, false, List.of(), ContainerSpec.BRIDGE, null,
                List.of(new ContainerSpec.PortMapping(8080, 31001, "tcp", "http"),
                        new ContainerSpec.PortMapping(0, 31002, "udp,tcp", null)), List.of());
        List<String> args = DockerRunCommand.build(request(null, List.of(), spec, 0.5, 64, null, List.of(31001, 31002)),
                HOST, SANDBOX, new LinkedHashSet<>(List.of("A", "PORT0")));

        assertThat(String.join(" ", args)).startsWith("run -d --name web.instance-1 --label pacer.task-id=web.instance-1 "
                + "--label pacer.app-id=/team/web --label pacer.agent=a1 --network bridge "
                + "-p 127.0.0.1:31001:8080/tcp -p 127.0.0.1:31002:31002/udp -p 127.0.0.1:31002:31002/tcp "
                + "--memory 64m --memory-swap 64m --cpu-shares 512 --cpus 0.50 --pids-limit 256 "
                + "-v /var/pacer/sandboxes/t1:/mnt/mesos/sandbox -e A -e PORT0 pacer/test-http");
        assertThat(args).last().isEqualTo("pacer/test-http");
    }

    @Test
    void host_publishesNothing_cmdRunsThroughTheShell_argsFollowTheImage() {
        List<String> shell = DockerRunCommand.build(request("echo hi", null, ContainerSpec.of("img"), 0, 0, "nobody",
                List.of(31005)), HOST, SANDBOX, new LinkedHashSet<>());
        assertThat(shell).contains("--network", "host", "--user", "nobody").doesNotContain("-p", "--memory", "--cpus");
        assertThat(shell.subList(shell.size() - 5, shell.size())).containsExactly("--entrypoint", "/bin/sh", "img", "-c", "echo hi");

        List<String> exec = DockerRunCommand.build(request(null, List.of("serve", "8080"), ContainerSpec.of("img"), 4, 2, null,
                List.of()), HOST, SANDBOX, new LinkedHashSet<>());
        assertThat(exec.subList(exec.size() - 3, exec.size())).containsExactly("img", "serve", "8080");
        assertThat(exec).doesNotContain("--entrypoint");
        assertThat(String.join(" ", exec)).contains("--memory 6m").contains("--cpus 2.00").contains("--cpu-shares 4096");
    }

    @Test
    void volumesParametersAndPrivileged_inOrderBeforeTheImage() {
        ContainerSpec spec = new ContainerSpec("img", false, true, List.of(new ContainerSpec.Parameter("memory-swappiness", "0")),
                ContainerSpec.USER, "pacer-net", List.of(new ContainerSpec.PortMapping(80, 0, "tcp", null)),
                List.of(new ContainerSpec.Volume("/data", "/srv/data", "RO"), new ContainerSpec.Volume("/cache", "cache", "RW")));
        String command = String.join(" ", DockerRunCommand.build(request(null, List.of(), spec, 0, 0, null, List.of()),
                HOST, SANDBOX, new LinkedHashSet<>()));
        assertThat(command).contains("--network pacer-net --pids-limit 256 --privileged")
                .contains("-v /srv/data:/data:ro -v /var/pacer/sandboxes/t1/cache:/cache --memory-swappiness=0 img")
                .doesNotContain("-p ");
    }
}
