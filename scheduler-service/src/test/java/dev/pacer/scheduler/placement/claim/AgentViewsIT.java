package dev.pacer.scheduler.placement.claim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.AgentState;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.PlacementMetrics;
import dev.pacer.scheduler.placement.PlacementRequest;
import dev.pacer.scheduler.placement.PlacementResult;
import dev.pacer.scheduler.placement.Placer;
import dev.pacer.scheduler.placement.claim.ClaimResult.Granted;
import dev.pacer.scheduler.placement.constraint.Constraint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Agents read back from Redis as placement candidates, and the placer's choice claimed there. */
class AgentViewsIT {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> IDS = List.of("views-a1", "views-a2", "views-b1", "views-ghost");

    private final RedisAgents redisAgents = new RedisAgents();
    private StringRedisTemplate redis;
    private AgentViews views;
    private AgentClaims claims;

    @BeforeEach
    void registerAgents() {
        redis = redisAgents.template();
        redis.delete(RedisKeys.AGENTS);
        views = new RedisAgentViews(redis, RedisAgents.JSON, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(10));
        claims = new RedisAgentClaims(redis, ClaimScripts.claim(), ClaimScripts.release(), RedisAgents.JSON);
        register("views-a1", "a", NOW.minusSeconds(2));
        register("views-a2", "a", NOW.minusSeconds(60));
        register("views-b1", "b", NOW);
        redis.opsForHash().put(RedisKeys.agent("views-b1"), "state", "DRAINING");
        RedisAgents.delete(redis, "views-ghost");
        redis.opsForZSet().add(RedisKeys.AGENTS, "views-ghost", NOW.toEpochMilli());
    }

    @AfterEach
    void close() {
        IDS.forEach(id -> RedisAgents.delete(redis, id));
        redis.delete(RedisKeys.AGENTS);
        redisAgents.close();
    }

    private void register(String id, String zone, Instant heartbeat) {
        RedisAgents.register(redis, new AgentInfo(id, id + ".example", 5051, zone, "eu", Map.of("rack", "r-" + zone),
                new Resources(4, 4096, 1000), new PortRange(20000, 20009)));
        redis.opsForZSet().add(RedisKeys.AGENTS, id, heartbeat.toEpochMilli());
    }

    @Test
    void load_readsEveryRegisteredAgent_withStateUsageClaimedPortsAndFreshness() {
        claims.claim(AgentId.parse("views-a1"), TaskId.newTask(AppId.parse("/web")), new Resources(1.5, 512, 10), 2, List.of());

        Map<String, AgentView> loaded = views.load().stream().collect(Collectors.toMap(v -> v.info().id(), Function.identity()));

        assertThat(loaded).containsOnlyKeys("views-a1", "views-a2", "views-b1");
        AgentView a1 = loaded.get("views-a1");
        assertThat(a1.info().attributes()).containsEntry("rack", "r-a");
        assertThat(a1.info().ports()).isEqualTo(new PortRange(20000, 20009));
        assertThat(a1.state()).isEqualTo(AgentState.ACTIVE);
        assertThat(a1.used()).isEqualTo(new Resources(1.5, 512, 10));
        assertThat(a1.usedPorts()).isEqualTo(Set.of(20000, 20001));
        assertThat(a1.fresh()).isTrue();
        assertThat(loaded.get("views-a2").fresh()).isFalse();
        assertThat(loaded.get("views-b1").state()).isEqualTo(AgentState.DRAINING);
        assertThat(loaded.get("views-b1").used()).isEqualTo(Resources.NONE);
    }

    @Test
    void placedTask_isClaimedOnTheChosenAgent_andTheNextPlacementSeesIt() {
        Placer placer = Placer.standard(PlacementMetrics.NONE);
        AppId app = AppId.parse("/web");
        PlacementRequest request = new PlacementRequest(app, new Resources(1, 256, 0), 1,
                Constraint.parseAll(List.of(List.of("hostname", "UNIQUE"))), List.of(), 2, List.of());

        PlacementResult first = placer.place(request, views.load());
        assertThat(first).isEqualTo(new PlacementResult.Placed(AgentId.parse("views-a1")));
        AgentId chosen = ((PlacementResult.Placed) first).agentId();
        TaskId task = TaskId.newTask(app);
        assertThat(claims.claim(chosen, task, request.perTask(), request.portCount(), List.of())).isInstanceOf(Granted.class);

        PlacementResult second = placer.place(request.withTaskOn(chosen), views.load());
        assertThat(second).isEqualTo(new PlacementResult.Declined(Map.of(
                "agent_not_active", 2, "constraint_UNIQUE_hostname", 1)));
    }
}
