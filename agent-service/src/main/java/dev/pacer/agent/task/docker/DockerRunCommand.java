package dev.pacer.agent.task.docker;

import dev.pacer.contract.task.ContainerSpec;
import dev.pacer.contract.task.LaunchRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code docker run} arguments of a task. Pure: the same request gives the same command. Environment
 * variables are passed by name only ({@code -e NAME}); their values go into the CLI's environment.
 */
public final class DockerRunCommand {

    /** Where the task's sandbox is mounted inside its container (Mesos' Docker containerizer put it there). */
    public static final String SANDBOX_IN_CONTAINER = "/mnt/mesos/sandbox";
    public static final String TASK_LABEL = "pacer.task-id";
    public static final String APP_LABEL = "pacer.app-id";
    public static final String AGENT_LABEL = "pacer.agent";
    /** Docker refuses a smaller memory limit. */
    static final int MIN_MEMORY_MB = 6;

    /**
     * @param agentId        the agent's id (label {@code pacer.agent})
     * @param publishAddress host address bridge port mappings are published on
     * @param pidsLimit      {@code --pids-limit}, 0 for none
     * @param hostCpus       processors of the host: {@code --cpus} cannot ask for more
     */
    public record Host(String agentId, String publishAddress, int pidsLimit, int hostCpus) {
    }

    private DockerRunCommand() {
    }

    /** The container's name: the task id (task ids hold only characters Docker allows in names). */
    public static String containerName(String taskId) {
        return taskId;
    }

    /** {@code run -d ...}; {@code envNames} are the variables to pass, in order. */
    public static List<String> build(LaunchRequest request, Host host, Path sandbox, Set<String> envNames) {
        ContainerSpec spec = request.container();
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", containerName(request.taskId()),
                "--label", TASK_LABEL + "=" + request.taskId(),
                "--label", APP_LABEL + "=" + request.appId(),
                "--label", AGENT_LABEL + "=" + host.agentId()));
        network(spec, host, args);
        resources(request, host, args);
        if (spec.privileged()) {
            args.add("--privileged");
        }
        if (request.user() != null && !request.user().isBlank()) {
            args.addAll(List.of("--user", request.user()));
        }
        args.addAll(List.of("-v", sandbox.toAbsolutePath() + ":" + SANDBOX_IN_CONTAINER));
        for (ContainerSpec.Volume volume : spec.volumes()) {
            args.addAll(List.of("-v", DockerPolicy.hostPath(volume, sandbox) + ":" + volume.containerPath()
                    + (volume.readOnly() ? ":ro" : "")));
        }
        for (String name : envNames) {
            args.addAll(List.of("-e", name));
        }
        for (ContainerSpec.Parameter parameter : spec.parameters()) {
            args.add("--" + parameter.key() + "=" + parameter.value());
        }
        boolean shell = request.cmd() != null && !request.cmd().isBlank();
        if (shell) {
            args.addAll(List.of("--entrypoint", "/bin/sh"));
        }
        args.add(spec.image());
        if (shell) {
            args.addAll(List.of("-c", request.cmd()));
        } else {
            args.addAll(request.args());
        }
        return args;
    }

    private static void network(ContainerSpec spec, Host host, List<String> args) {
        switch (spec.network()) {
            case ContainerSpec.HOST -> args.addAll(List.of("--network", "host"));
            case ContainerSpec.BRIDGE -> args.addAll(List.of("--network", "bridge"));
            default -> {
                if (spec.networkName() != null && !spec.networkName().isBlank()) {
                    args.addAll(List.of("--network", spec.networkName()));
                }
            }
        }
        if (ContainerSpec.HOST.equals(spec.network())) {
            return; // the task binds its host ports itself
        }
        for (ContainerSpec.PortMapping mapping : spec.portMappings()) {
            if (mapping.hostPort() == 0) {
                continue;
            }
            for (String protocol : mapping.protocol().toLowerCase(Locale.ROOT).split(",")) {
                args.addAll(List.of("-p", host.publishAddress() + ":" + mapping.hostPort() + ":"
                        + mapping.effectiveContainerPort() + "/" + protocol.strip()));
            }
        }
    }

    private static void resources(LaunchRequest request, Host host, List<String> args) {
        if (request.mem() > 0) {
            String limit = Math.max(MIN_MEMORY_MB, (long) Math.ceil(request.mem())) + "m";
            args.addAll(List.of("--memory", limit, "--memory-swap", limit)); // no swap: the limit is the limit
        }
        if (request.cpus() > 0) {
            args.addAll(List.of("--cpu-shares", Long.toString(Math.max(2, Math.round(request.cpus() * 1024)))));
            double cpus = Math.max(0.01, Math.min(request.cpus(), host.hostCpus()));
            args.addAll(List.of("--cpus", String.format(Locale.ROOT, "%.2f", cpus)));
        }
        if (host.pidsLimit() > 0) {
            args.addAll(List.of("--pids-limit", Integer.toString(host.pidsLimit())));
        }
    }
}
