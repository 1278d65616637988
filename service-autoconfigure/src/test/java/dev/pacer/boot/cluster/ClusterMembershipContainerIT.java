package dev.pacer.boot.cluster;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Against Redis 7 in a container: runs where a Docker engine exists, skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class ClusterMembershipContainerIT extends ClusterMembershipContract {

    @Container
    @SuppressWarnings("resource")
    static final GenericContainer<?> REDIS = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);

    @Override
    String redisUrl() {
        return "redis://" + REDIS.getHost() + ":" + REDIS.getMappedPort(6379);
    }
}
