package dev.pacer.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import redis.embedded.core.ExecutableProvider;

/** The redis-server binary bundled in {@code embedded-redis} (Redis 6.2) for this OS and architecture. */
public final class RedisBinary {

    private RedisBinary() {
    }

    /**
     * The binary, extracted to a temporary file, for callers that run it as their own child process (the
     * local-stack launcher does, to control the order in which things stop).
     */
    public static Path path() {
        try {
            return ExecutableProvider.newJarResourceProvider().get().toPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the embedded redis-server binary", e);
        }
    }
}
