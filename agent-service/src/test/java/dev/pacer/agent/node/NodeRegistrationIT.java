package dev.pacer.agent.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.support.AgentApiTestBase;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The agent's record and heartbeat in a real Redis. */
class NodeRegistrationIT extends AgentApiTestBase {

    @Test
    void agent_registersItsInfo_withTheApiPortItListensOn() {
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.opsForHash().get(RedisKeys.agent(AGENT_ID), "info") != null);

        AgentInfo info = JSON.readValue((String) redis.opsForHash().get(RedisKeys.agent(AGENT_ID), "info"), AgentInfo.class);

        assertThat(info.id()).isEqualTo(AGENT_ID);
        assertThat(info.host()).isEqualTo("localhost");
        assertThat(info.apiPort()).isEqualTo(port);
        assertThat(info.zone()).isEqualTo("z1");
        assertThat(info.region()).isEqualTo("r1");
        // the configured attribute, and what the agent isolates (cgroups as root, none otherwise)
        assertThat(info.attributes()).containsEntry("rack", "r7").containsKey("isolation").hasSize(2);
        assertThat(info.attributes().get("isolation")).isIn("cgroups", "none");
        assertThat(info.ports()).isEqualTo(new PortRange(31000, 32000));
        assertThat(info.capacity()).isEqualTo(new Resources(Runtime.getRuntime().availableProcessors(),
                info.capacity().mem(), 10240));
        assertThat(info.capacity().mem()).isPositive();
    }

    @Test
    void agent_heartbeatsInTheAgentsSet_everyInterval() {
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.opsForZSet().score(RedisKeys.AGENTS, AGENT_ID) != null);
        double first = redis.opsForZSet().score(RedisKeys.AGENTS, AGENT_ID);

        await().atMost(Duration.ofSeconds(2)).until(() -> redis.opsForZSet().score(RedisKeys.AGENTS, AGENT_ID) > first);

        assertThat(redis.opsForZSet().score(RedisKeys.AGENTS, AGENT_ID))
                .isCloseTo(System.currentTimeMillis(), Offset.offset(2_000.0));
    }

    @Test
    void agent_writesOnlyItsInfoField_leavingTheSchedulersFieldsAlone() {
        redis.opsForHash().put(RedisKeys.agent(AGENT_ID), "state", "DRAINING");
        double before = redis.opsForZSet().score(RedisKeys.AGENTS, AGENT_ID);

        await().atMost(Duration.ofSeconds(2)).until(() -> redis.opsForZSet().score(RedisKeys.AGENTS, AGENT_ID) > before);

        assertThat(redis.opsForHash().get(RedisKeys.agent(AGENT_ID), "state")).isEqualTo("DRAINING");
        redis.opsForHash().delete(RedisKeys.agent(AGENT_ID), "state");
    }
}
