package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.runtime.ManagedProcess;
import dev.pacer.testsupport.FreePorts;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's recovery point, tested without the stack: redis-server started exactly as the launcher
 * starts it (the bundled binary, the stack's ACL config, its data directory), then killed with SIGKILL (no chance
 * to save anything on the way out) or stopped as Ctrl-C stops it, and started again on the same directory.
 * A write acknowledged more than a second before the kill is there (the README's RPO: at most the last second);
 * so is everything after an ordinary stop, which is how a second {@code ./run-local.sh} finds the apps of the
 * first. The command without a data directory (the benchmarks') loses everything, which shows the test can fail.
 * The launcher's readiness check ({@link RedisPing}: the ACL user's PING) answers only with the right password.
 */
class EmbeddedRedisPersistenceIT {

    /** {@code appendfsync everysec}: what a crash may lose at most. */
    private static final Duration RPO = Duration.ofSeconds(1);
    private static final String KEY = "pacer:persistence-it";

    @TempDir
    Path stackDir;

    private final List<ManagedProcess> bare = new ArrayList<>();
    private final List<ChildProcess> stack = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        stack.forEach(p -> p.stop(Duration.ofSeconds(5)));
        bare.forEach(p -> p.stop(Duration.ofSeconds(5)));
    }

    @Test
    void aWriteAcknowledgedMoreThanASecondBeforeASigkill_isThereWhenRedisStartsAgain() throws Exception {
        StackCredentials.Redis redis = StackCredentials.redis(stackDir);
        int port = FreePorts.next();
        ChildProcess first = startAsTheStackDoes(port, redis);
        assertThat(call(redis.url(port), c -> c.set(KEY, "acknowledged"))).isEqualTo("OK");

        Thread.sleep(RPO.plusMillis(500).toMillis()); // the RPO is an age, not a condition to wait for
        killOutright(first.handle(), port);

        startAsTheStackDoes(port, redis);
        assertThat(call(redis.url(port), c -> c.get(KEY))).isEqualTo("acknowledged");
        assertThat(redis.dataDir()).isEqualTo(stackDir.resolve("redis/data"));
        assertThat(redis.dataDir().resolve("appendonly.aof")).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(redis.dataDir()))).isEqualTo("rwx------");
    }

    @Test
    void afterAnOrdinaryStop_theNextRunFindsEverything_evenTheLastWrite() {
        StackCredentials.Redis redis = StackCredentials.redis(stackDir);
        int port = FreePorts.next();
        ChildProcess first = startAsTheStackDoes(port, redis);
        call(redis.url(port), c -> c.hset(KEY + ":hash", "instances", "2").toString());
        call(redis.url(port), c -> c.set(KEY, "just written"));
        first.stop(Duration.ofSeconds(5)); // SIGTERM, as the launcher stops it on Ctrl-C

        startAsTheStackDoes(port, StackCredentials.redis(stackDir));
        assertThat(RedisPing.answers(port, StackCredentials.REDIS_USER, redis.password())).isTrue();
        assertThat(RedisPing.answers(port, StackCredentials.REDIS_USER, "not-the-password")).isFalse();
        assertThat(call(redis.url(port), c -> c.hget(KEY + ":hash", "instances"))).isEqualTo("2");
        assertThat(call(redis.url(port), c -> c.get(KEY))).isEqualTo("just written");
    }

    @Test
    void withoutADataDirectory_aSigkillLosesEverything() throws Exception {
        int port = FreePorts.next();
        String url = "redis://127.0.0.1:" + port;
        ManagedProcess first = startBare(port);
        call(url, c -> c.set(KEY, "acknowledged"));

        Thread.sleep(RPO.plusMillis(500).toMillis()); // as above: older than the RPO, and still lost
        killOutright(first.handle(), port);

        startBare(port);
        assertThat(call(url, c -> c.get(KEY))).isNull();
    }

    private ChildProcess startAsTheStackDoes(int port, StackCredentials.Redis redis) {
        ChildProcess process = ChildProcess.redis(port, redis, stackDir.resolve("logs"));
        stack.add(process);
        await().atMost(Duration.ofSeconds(20)).until(process::isReady);
        awaitAnswering(redis.url(port));
        return process;
    }

    private ManagedProcess startBare(int port) {
        ManagedProcess process = ManagedProcess.start("redis", ManagedProcess.redisServerCommand(port), stackDir.resolve("logs"));
        bare.add(process);
        process.awaitReady(() -> ManagedProcess.listening(port), Duration.ofSeconds(20));
        awaitAnswering("redis://127.0.0.1:" + port);
        return process;
    }

    /** PONG, not LOADING: the append-only file is read before Redis answers commands. */
    private static void awaitAnswering(String url) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> "PONG".equals(call(url, RedisCommands::ping)));
    }

    /** SIGKILL, and the port closed: redis-server itself is gone (setsid execs it in place), not only a wrapper. */
    private static void killOutright(ProcessHandle redis, int port) throws Exception {
        redis.destroyForcibly();
        redis.onExit().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> !ManagedProcess.listening(port));
    }

    private static String call(String url, Function<RedisCommands<String, String>, String> command) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
