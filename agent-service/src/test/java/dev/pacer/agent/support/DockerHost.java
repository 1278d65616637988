package dev.pacer.agent.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine of the machine the tests run on, through the docker CLI: whether it answers, and what
 * it runs. Without an engine (or image) a test is skipped with the reason — except in CI
 * ({@code PACER_CI=1}), where it fails: CI must run every Docker test.
 */
public final class DockerHost {

    private DockerHost() {
    }

    public static void requireEngine() {
        require(docker("version", "--format", "{{.Server.Version}}").exitCode == 0,
                "no Docker engine answers (install docker.io and start dockerd)");
    }

    public static void requireImage(String image) {
        requireEngine();
        require(docker("image", "inspect", image).exitCode == 0,
                "image " + image + " is missing (build it with containers/build-images.sh)");
    }

    private static void require(boolean present, String reason) {
        if (present) {
            return;
        }
        if ("1".equals(System.getenv("PACER_CI"))) {
            throw new AssertionError("PACER_CI=1 and " + reason);
        }
        Assumptions.assumeTrue(false, "Docker test skipped: " + reason);
    }

    /** Ids (one per line, as docker prints them) of every container, running or not, with the label {@code key=value}. */
    public static List<String> containers(String key, String value) {
        return docker("ps", "-a", "-q", "--filter", "label=" + key + "=" + value).lines();
    }

    public static void removeContainers(String key, String value) {
        List<String> ids = containers(key, value);
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f"));
            args.addAll(ids);
            docker(args.toArray(String[]::new));
        }
    }

    /** One docker command's exit code and stdout. */
    public record Result(int exitCode, String stdout) {

        public List<String> lines() {
            return stdout.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    public static Result docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, out);
            }
            return new Result(process.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "");
        }
    }
}
