package dev.pacer.agent.task;

import dev.pacer.agent.node.AgentNode;
import dev.pacer.agent.secrets.SecretInjector;
import dev.pacer.agent.task.docker.DockerAvailability;
import dev.pacer.agent.task.docker.DockerCli;
import dev.pacer.agent.task.docker.DockerContainers;
import dev.pacer.agent.task.docker.DockerPolicy;
import dev.pacer.agent.task.docker.DockerProperties;
import dev.pacer.agent.task.docker.DockerRunCommand;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's Docker runtime as a bean: the CLI, what the engine answered at start-up, and the threads
 * that start containers and handle their endings. Builds the {@link DockerTaskLauncher} when there is an engine.
 */
public final class DockerRuntime implements AutoCloseable {

    private final DockerProperties properties;
    private final DockerCli cli;
    private final DockerAvailability availability;
    private final ExecutorService launches;
    private final ExecutorService endings;

    public DockerRuntime(DockerProperties properties, DockerCli cli, DockerAvailability availability) {
        this.properties = properties;
        this.cli = cli;
        this.availability = availability;
        this.launches = Executors.newFixedThreadPool(properties.launchThreads(), threads("pacer-docker-launch-"));
        this.endings = Executors.newFixedThreadPool(2, threads("pacer-docker-end-"));
    }

    public DockerAvailability availability() {
        return availability;
    }

    /** The Docker launcher, or null when no engine answered. */
    TaskLauncher launcher(TaskBook book, AgentNode node, SecretInjector secrets, Duration defaultGrace) {
        if (!availability.available()) {
            return null;
        }
        DockerRunCommand.Host host = new DockerRunCommand.Host(node.id().value(), publishAddress(node.host()),
                properties.pidsLimit(), Runtime.getRuntime().availableProcessors());
        return new DockerTaskLauncher(book, new DockerContainers(cli, properties), new DockerPolicy(properties), host,
                secrets, defaultGrace, launches, endings);
    }

    /** The configured address, else the address the agent's host name resolves to, else 127.0.0.1. */
    private String publishAddress(String host) {
        if (properties.publishAddress() != null && !properties.publishAddress().isBlank()) {
            return properties.publishAddress();
        }
        try {
            String address = InetAddress.getByName(host).getHostAddress();
            return address.contains(":") ? "[" + address + "]" : address; // docker -p writes IPv6 in brackets
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    @Override
    public void close() {
        launches.shutdownNow();
        endings.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
