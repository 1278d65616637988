package dev.pacer.agent.secrets;

import dev.pacer.contract.task.LaunchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves a task's secrets just before its process starts: writes its secret files into the sandbox
 * (mode 0600) and returns the secret environment variables. Values go nowhere else: not into the
 * checkpoint, logs or status messages. A failure's message names what failed, never a value.
 */
@FunctionalInterface
public interface SecretInjector {

    /** For agents without secrets support (tests, the simulated runtime): fails only tasks that need secrets. */
    SecretInjector NONE = (request, sandbox) -> {
        if (!request.secretEnv().isEmpty() || !request.secretFiles().isEmpty()) {
            throw new IOException("the task needs secrets but this agent cannot fetch them");
        }
        return Map.of();
    };

    Map<String, String> prepare(LaunchRequest request, Path sandbox) throws IOException;
}
