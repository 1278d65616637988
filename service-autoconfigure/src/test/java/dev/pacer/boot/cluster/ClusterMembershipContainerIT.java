package dev.pacer.boot.cluster;

import dev.pacer.testsupport.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Against Redis 7 ({@code pacer/redis:7}, built by {@code containers/build-images.sh}) in a container started by
 * Testcontainers. Skipped with the reason on a machine without Docker or the image; fails instead in CI.
 */
@RequiresDocker(images = ClusterMembershipContainerIT.IMAGE)
class ClusterMembershipContainerIT extends ClusterMembershipContract {

    static final String IMAGE = "pacer/redis:7";

    private static GenericContainer<?> redis;

    @BeforeAll
    @SuppressWarnings("resource")
    static void startRedis() {
        redis = new GenericContainer<>(IMAGE)
                .withExposedPorts(6379)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
        redis.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.stop();
        }
    }

    @Override
    String redisUrl() {
        return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
    }
}
