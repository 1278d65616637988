package dev.pacer.agent.task.docker;

import dev.pacer.contract.task.ContainerSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The docker commands the agent's Docker launcher uses, each with the configured time limit: the image
 * (present, or pulled), a container's state, logs and removal, this agent's containers. A command that
 * cannot run is logged and answered as "nothing" (empty, false), never thrown past the launcher's threads.
 */
public final class DockerContainers {

    private static final Logger log = LoggerFactory.getLogger(DockerContainers.class);

    /** What {@code docker inspect} says of a container. */
    public record State(boolean running, int exitCode, boolean oomKilled, long pid) {

        static final String FORMAT = "{{.State.Running}} {{.State.ExitCode}} {{.State.OOMKilled}} {{.State.Pid}}";

        static State parse(String line) {
            String[] f = line.strip().split(" ");
            return new State(Boolean.parseBoolean(f[0]), Integer.parseInt(f[1]), Boolean.parseBoolean(f[2]), Long.parseLong(f[3]));
        }
    }

    private final DockerCli docker;
    private final Duration timeout;
    private final Duration pullTimeout;

    public DockerContainers(DockerCli docker, DockerProperties properties) {
        this.docker = docker;
        this.timeout = properties.commandTimeout();
        this.pullTimeout = properties.pullTimeout();
    }

    /** Empty when the image is there (pulled if asked or missing); else why the task cannot start. */
    public Optional<String> ensureImage(ContainerSpec spec, String agentId) throws IOException {
        boolean present = docker.run(timeout, List.of("image", "inspect", "--format", "{{.Id}}", spec.image())).ok();
        if (present && !spec.forcePullImage()) {
            return Optional.empty();
        }
        DockerCli.Result pulled = docker.run(pullTimeout, List.of("pull", spec.image()));
        if (pulled.ok()) {
            return Optional.empty();
        }
        if (present) {
            log.warn("Pulling {} failed ({}); the image present on the agent is used", spec.image(), pulled.error());
            return Optional.empty();
        }
        return Optional.of("image '" + spec.image() + "' is not on agent " + agentId + " and could not be pulled: "
                + pulled.error());
    }

    /** {@code docker run args...} with {@code env} in the CLI's environment. */
    public DockerCli.Result run(List<String> args, Map<String, String> env) throws IOException {
        return docker.run(timeout, args, env);
    }

    public Optional<State> inspect(String name) {
        try {
            DockerCli.Result result = docker.run(timeout, List.of("inspect", "--type", "container", "--format", State.FORMAT, name));
            return result.ok() ? Optional.of(State.parse(result.stdout())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("docker inspect {} failed: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    /** Starts {@code docker wait name}: the process ends when the container does. */
    public Process waitFor(String name) throws IOException {
        return docker.start(List.of("wait", name));
    }

    /** Starts {@code docker stop -t grace name} without waiting for it. */
    public void stop(String name, long graceSeconds) {
        try {
            docker.start(List.of("stop", "-t", Long.toString(graceSeconds), name));
        } catch (IOException e) {
            log.warn("Stopping container {} failed: {}", name, e.getMessage());
        }
    }

    public void remove(String idOrName) {
        try {
            docker.run(timeout, List.of("rm", "-f", "-v", idOrName));
        } catch (IOException e) {
            log.warn("docker rm {} failed: {}", idOrName, e.getMessage());
        }
    }

    /** Writes the container's whole stdout and stderr into the two files. */
    public void saveLogs(String name, Path stdout, Path stderr) {
        try {
            docker.runInto(timeout, List.of("logs", name), stdout, stderr);
        } catch (IOException e) {
            log.warn("Could not keep the logs of container {}: {}", name, e.getMessage());
        }
    }

    /** The last {@code tail} lines of the container's {@code stdout} or {@code stderr}; empty when docker cannot tell. */
    public Optional<String> logs(String name, String stream, int tail, int maxBytes) {
        try {
            DockerCli.Result logs = docker.run(timeout, List.of("logs", "--tail", Integer.toString(tail), name));
            if (!logs.ok()) {
                return Optional.empty();
            }
            String text = "stderr".equals(stream) ? logs.stderr() : logs.stdout();
            return Optional.of(text.length() > maxBytes ? text.substring(text.length() - maxBytes) : text);
        } catch (IOException e) {
            log.debug("docker logs of {} failed: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    /** Container id to task id of every container, running or not, labelled as this agent's. */
    public Map<String, String> ofAgent(String agentId) throws IOException {
        DockerCli.Result listed = docker.run(timeout, List.of("ps", "-a", "--filter",
                "label=" + DockerRunCommand.AGENT_LABEL + "=" + agentId, "--format",
                "{{.ID}} {{.Label \"" + DockerRunCommand.TASK_LABEL + "\"}}"));
        Map<String, String> containers = new LinkedHashMap<>();
        listed.stdout().lines().map(line -> line.strip().split(" ", 2)).filter(f -> f.length == 2 && !f[0].isEmpty())
                .forEach(f -> containers.put(f[0], f[1]));
        return containers;
    }
}
