package dev.pacer.agent.task.docker;

import dev.pacer.contract.task.ContainerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the operator lets a container ask for ({@link DockerProperties}): privileged mode, {@code docker run}
 * parameters by key, host paths by prefix. Pure apart from resolving symbolic links of existing host paths.
 */
public final class DockerPolicy {

    private final boolean allowPrivileged;
    private final List<String> allowedParameters;
    private final List<Path> allowedPrefixes;

    public DockerPolicy(DockerProperties properties) {
        this.allowPrivileged = properties.allowPrivileged();
        this.allowedParameters = properties.allowedParameters();
        this.allowedPrefixes = properties.allowedVolumePrefixes();
    }

    /** Why this agent will not run {@code spec}, or empty when it will. */
    public Optional<String> refusal(ContainerSpec spec, Path sandbox) {
        if (spec.privileged() && !allowPrivileged) {
            return Optional.of("privileged containers are not allowed on this agent ("
                    + DockerProperties.PREFIX + ".allow-privileged)");
        }
        for (ContainerSpec.Parameter parameter : spec.parameters()) {
            if (!allowedParameters.contains(parameter.key())) {
                return Optional.of("docker parameter '" + parameter.key() + "' is not allowed on this agent ("
                        + DockerProperties.PREFIX + ".allowed-parameters)");
            }
        }
        for (ContainerSpec.Volume volume : spec.volumes()) {
            Optional<String> refused = volumeRefusal(volume, sandbox);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** The host path a volume mounts: absolute as given, relative inside the sandbox. */
    public static Path hostPath(ContainerSpec.Volume volume, Path sandbox) {
        Path given = Path.of(volume.hostPath());
        return (given.isAbsolute() ? given : sandbox.resolve(given)).toAbsolutePath().normalize();
    }

    private Optional<String> volumeRefusal(ContainerSpec.Volume volume, Path sandbox) {
        if (volume.hostPath() == null || volume.hostPath().isBlank()) {
            return Optional.of("volume " + volume.containerPath() + " has no hostPath: only host volumes are supported");
        }
        if (volume.containerPath() == null || !volume.containerPath().startsWith("/")) {
            return Optional.of("volume containerPath must be an absolute path");
        }
        Path root = sandbox.toAbsolutePath().normalize();
        boolean relative = !Path.of(volume.hostPath()).isAbsolute();
        Path path = hostPath(volume, sandbox);
        List<Path> allowed = relative ? List.of(root) : allowedPrefixes;
        if (!under(path, allowed) || !under(real(path), allowed)) {
            return Optional.of(relative ? "volume hostPath " + volume.hostPath() + " leaves the sandbox"
                    : "volume hostPath " + volume.hostPath() + " is not under an allowed prefix ("
                    + DockerProperties.PREFIX + ".allowed-volume-prefixes)");
        }
        return Optional.empty();
    }

    private static boolean under(Path path, List<Path> prefixes) {
        return prefixes.stream().anyMatch(path::startsWith);
    }

    /** The path with symbolic links resolved, as far as it exists (a link must not lead out of a prefix). */
    private static Path real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }
}
