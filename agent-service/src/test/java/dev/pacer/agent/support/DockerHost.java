package dev.pacer.agent.support;

import dev.pacer.testsupport.DockerEngine;
import java.util.ArrayList;
import java.util.List;

/** The containers of the machine's Docker engine that the agent's tests look for, by label. */
public final class DockerHost {

    private DockerHost() {
    }

    /** Ids of every container, running or not, with the label {@code key=value}. */
    public static List<String> containers(String key, String value) {
        DockerEngine.Result result = DockerEngine.docker("ps", "-a", "-q", "--filter", "label=" + key + "=" + value);
        if (result.exit() != 0) {
            throw new AssertionError("docker ps failed: " + result.output());
        }
        return result.output().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public static void removeContainers(String key, String value) {
        List<String> ids = containers(key, value);
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f"));
            args.addAll(ids);
            DockerEngine.docker(args.toArray(String[]::new));
        }
    }

    /** {@code docker inspect --format <format> <name>}, stripped. */
    public static String inspect(String format, String name) {
        return DockerEngine.docker("inspect", "--format", format, name).output().strip();
    }
}
