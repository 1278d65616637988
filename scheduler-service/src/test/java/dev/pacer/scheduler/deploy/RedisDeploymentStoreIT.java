package dev.pacer.scheduler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.RedisKeys;
import dev.pacer.scheduler.support.RedisTestTemplates;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/** The {@link DeploymentStoreContract} on a real Redis, and the Redis layout: an ended deployment leaves no key. */
class RedisDeploymentStoreIT extends DeploymentStoreContract {

    private final RedisTestTemplates templates = new RedisTestTemplates();
    private StringRedisTemplate redis;

    @Override
    DeploymentStore newStore() {
        templates.flushPacerKeys();
        redis = templates.template();
        return new RedisDeploymentStore(redis, JsonMapper.builder().build(),
                RedisScript.of(new ClassPathResource("scripts/deployment-start.lua"), List.class),
                RedisTestTemplates.script("deployment-end.lua"), RedisTestTemplates.script("deployment-progress.lua"));
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }

    @Test
    void anEndedDeployment_leavesNoKeyBehind() {
        DeploymentPlan plan = plan("d1", 10, List.of("/a", "/b"), List.of("/c"));
        store.start(plan);
        store.complete(store.get("d1").orElseThrow(), "/a");

        store.end(plan);

        assertThat(redis.keys(RedisKeys.deployment("d1") + "*")).isEmpty();
        assertThat(redis.opsForHash().size(RedisKeys.DEPLOYMENT_LOCKS)).isZero();
        assertThat(redis.opsForZSet().zCard(RedisKeys.DEPLOYMENTS)).isZero();
    }
}
