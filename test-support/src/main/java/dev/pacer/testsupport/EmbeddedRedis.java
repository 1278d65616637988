package dev.pacer.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/**
 * A real redis-server process started from the binary bundled in {@code embedded-redis} (Redis 6.2:
 * streams, pub/sub, Lua), bound to loopback. Nothing is persisted ({@code save ""}, {@code appendonly no}), on
 * purpose and unlike every Redis Pacer ships: a test's data dies with it, no file is written and no fsync
 * slows the tests. The local stack's persistent Redis is tested by local-stack's
 * {@code EmbeddedRedisPersistenceIT}.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server on {@code port}; it is stopped by {@link #close()} or when this JVM exits. */
    public static EmbeddedRedis start(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            return new EmbeddedRedis(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded redis-server on port " + port, e);
        }
    }

    public static EmbeddedRedis startOnFreePort() {
        return start(FreePorts.next());
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
