package dev.pacer.boot.cluster;

import dev.pacer.testsupport.TestRedis;

/** Against the embedded redis-server (or REDIS_URL): runs everywhere. */
class ClusterMembershipIT extends ClusterMembershipContract {

    @Override
    String redisUrl() {
        return TestRedis.url();
    }
}
