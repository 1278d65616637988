package dev.pacer.agent.task.docker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this agent can run Docker tasks: asked once at start-up ({@code docker version}). The answer is
 * advertised as the agent attribute {@code docker} (the engine's version), which placement requires of
 * every Docker app.
 *
 * @param version the engine's version, null when there is no engine
 * @param reason  why there is none (for the message of a container task that reaches this agent anyway)
 */
public record DockerAvailability(String version, String reason) {

    private static final Logger log = LoggerFactory.getLogger(DockerAvailability.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

    public boolean available() {
        return version != null;
    }

    public static DockerAvailability probe(DockerProperties properties, DockerCli docker) {
        if (!properties.enabled()) {
            log.info("Docker runtime: off ({}.enabled=false)", DockerProperties.PREFIX);
            return new DockerAvailability(null, "Docker is disabled on this agent");
        }
        try {
            DockerCli.Result result = docker.run(PROBE_TIMEOUT, List.of("version", "--format", "{{.Server.Version}}"));
            if (result.ok() && !result.stdout().isBlank()) {
                String version = result.stdout().strip();
                log.info("Docker runtime: engine {} answers; this agent runs container.docker tasks", version);
                return new DockerAvailability(version, null);
            }
            log.info("Docker runtime: no engine answers ({}); container tasks are not run here", result.error());
        } catch (IOException e) {
            log.info("Docker runtime: no docker CLI or engine ({}); container tasks are not run here", e.getMessage());
        }
        return new DockerAvailability(null, "no Docker engine on this agent");
    }
}
