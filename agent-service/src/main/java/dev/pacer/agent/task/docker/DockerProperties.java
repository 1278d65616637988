package dev.pacer.agent.task.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Docker runtime of the agent ({@code pacer.agent.docker.*}): whether it looks for an engine, and what
 * the operator lets apps ask of it.
 *
 * @param enabled                look for a Docker engine at start-up (false: never run containers)
 * @param command                the docker CLI
 * @param allowPrivileged        run {@code privileged} containers (refused by default)
 * @param allowedParameters      {@code docker.parameters} keys allowed ({@code memory-swappiness},
 *                               {@code label}, ...); any other key fails the task. Empty by default
 * @param allowedVolumePrefixes  absolute host paths under which {@code volumes[].hostPath} may lie; a host
 *                               path elsewhere fails the task. Relative host paths (inside the sandbox) are
 *                               always allowed
 * @param pidsLimit              {@code --pids-limit} of every container (0: none)
 * @param publishAddress         host address that bridge port mappings are published on (default: the
 *                               address the agent's host name resolves to)
 * @param commandTimeout         time limit of one docker command (run, inspect, stop beyond its grace, rm, logs)
 * @param pullTimeout            time limit of a {@code docker pull}
 * @param launchThreads          containers started (and images pulled) at once
 */
@ConfigurationProperties(DockerProperties.PREFIX)
public record DockerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("docker") String command,
        @DefaultValue("false") boolean allowPrivileged,
        List<String> allowedParameters,
        List<Path> allowedVolumePrefixes,
        @DefaultValue("2048") int pidsLimit,
        String publishAddress,
        @DefaultValue("60s") Duration commandTimeout,
        @DefaultValue("5m") Duration pullTimeout,
        @DefaultValue("4") int launchThreads) {

    public static final String PREFIX = "pacer.agent.docker";

    public DockerProperties {
        allowedParameters = allowedParameters == null ? List.of() : List.copyOf(allowedParameters);
        allowedVolumePrefixes = allowedVolumePrefixes == null ? List.of()
                : allowedVolumePrefixes.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (pidsLimit < 0 || launchThreads < 1) {
            throw new IllegalArgumentException(PREFIX + ".pids-limit cannot be negative, launch-threads must be at least 1");
        }
    }

    /** Defaults, for tests. */
    public static DockerProperties defaults() {
        return new DockerProperties(true, "docker", false, List.of(), List.of(), 2048, null, Duration.ofSeconds(60),
                Duration.ofMinutes(5), 4);
    }
}
