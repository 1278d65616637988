package dev.pacer.scheduler.placement.claim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.AgentState;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.claim.ClaimResult.Declined;
import dev.pacer.scheduler.placement.claim.ClaimResult.Granted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AgentViews} and {@link AgentClaims} pair does over the same agents; each implementation's
 * test extends this and says how an agent registers, goes stale or changes state.
 */
abstract class AgentsContract {

    static final AppId APP = AppId.parse("/web");
    static final AgentId AGENT = AgentId.parse("contract-a1");
    static final AgentInfo INFO = new AgentInfo(AGENT.value(), "a1.example", 5051, "a", "eu", Map.of("rack", "r1"),
            new Resources(2, 1024, 100), new PortRange(10000, 10004));

    AgentViews views;
    AgentClaims claims;

    /** Sets {@link #views} and {@link #claims} over no agent at all. */
    abstract void connect();

    /** The agent registers and heartbeats. */
    abstract void register(AgentInfo info);

    /** The agent's last heartbeat is older than the placement's heartbeat timeout. */
    abstract void stale(String agentId);

    abstract void state(String agentId, AgentState state);

    @BeforeEach
    void registerAgent() {
        connect();
        register(INFO);
    }

    @Test
    void load_answersEveryRegisteredAgent_withItsStateUsageClaimedPortsAndFreshness() {
        register(new AgentInfo("contract-b1", "b1.example", 5051, "b", "eu", Map.of(), new Resources(1, 1, 1), new PortRange(1, 2)));
        state("contract-b1", AgentState.DRAINING);
        stale("contract-b1");
        claims.claim(AGENT, TaskId.newTask(APP), new Resources(1.5, 512, 10), 2, List.of());

        Map<String, AgentView> loaded = byId(views.load());

        assertThat(loaded).containsOnlyKeys(AGENT.value(), "contract-b1");
        AgentView a1 = loaded.get(AGENT.value());
        assertThat(a1.info()).isEqualTo(INFO);
        assertThat(a1.state()).isEqualTo(AgentState.ACTIVE);
        assertThat(a1.used()).isEqualTo(new Resources(1.5, 512, 10));
        assertThat(a1.usedPorts()).isEqualTo(Set.of(10000, 10001));
        assertThat(a1.fresh()).isTrue();
        assertThat(loaded.get("contract-b1").state()).isEqualTo(AgentState.DRAINING);
        assertThat(loaded.get("contract-b1").fresh()).isFalse();
        assertThat(loaded.get("contract-b1").used()).isEqualTo(Resources.NONE);
    }

    @Test
    void claim_takesTheLowestFreePorts_andReleaseGivesThemBackOnce() {
        TaskId first = TaskId.newTask(APP);
        TaskId second = TaskId.newTask(APP);
        assertThat(claims.claim(AGENT, first, new Resources(0.3, 100, 1), 1, List.of()))
                .isEqualTo(new Granted(new Claim(new Resources(0.3, 100, 1), List.of(10000)), false));
        assertThat(claims.claim(AGENT, second, new Resources(0.7, 200, 2), 2, List.of()))
                .isEqualTo(new Granted(new Claim(new Resources(0.7, 200, 2), List.of(10001, 10002)), false));

        assertThat(claims.release(AGENT, second)).isTrue();
        assertThat(claims.release(AGENT, second)).isFalse();

        assertThat(agent().used()).isEqualTo(new Resources(0.3, 100, 1));
        assertThat(agent().usedPorts()).containsExactly(10000);
        assertThat(claims.claims(AGENT)).containsOnlyKeys(first);
        assertThat(((Granted) claims.claim(AGENT, TaskId.newTask(APP), Resources.NONE, 1, List.of())).claim().ports())
                .containsExactly(10001);
    }

    @Test
    void requiredPorts_areClaimedExactly_aZeroTakesTheLowestFree_orAllIsDeclined() {
        assertThat(((Granted) claims.claim(AGENT, TaskId.newTask(APP), Resources.NONE, 3, List.of(10004, 0, 10001))).claim().ports())
                .containsExactly(10004, 10000, 10001);
        AgentView before = agent();

        assertThat(claims.claim(AGENT, TaskId.newTask(APP), Resources.NONE, 2, List.of(10002, 10004)))
                .isEqualTo(new Declined("insufficient_ports"));
        assertThat(claims.claim(AGENT, TaskId.newTask(APP), Resources.NONE, 1, List.of(10005)))
                .isEqualTo(new Declined("insufficient_ports"));
        assertThat(claims.claim(AGENT, TaskId.newTask(APP), Resources.NONE, 3, List.of(0, 0, 0)))
                .isEqualTo(new Declined("insufficient_ports"));
        assertThat(agent()).isEqualTo(before);
    }

    @Test
    void claimingTheSameTaskAgain_returnsTheFirstClaim_andChangesNothing() {
        TaskId task = TaskId.newTask(APP);
        Granted first = (Granted) claims.claim(AGENT, task, new Resources(1, 512, 0), 1, List.of());
        AgentView before = agent();

        assertThat(claims.claim(AGENT, task, new Resources(1, 512, 0), 1, List.of())).isEqualTo(new Granted(first.claim(), true));
        assertThat(agent()).isEqualTo(before);
    }

    @Test
    void claimOverCapacity_isDeclinedWithTheReason_andChangesNothing() {
        claims.claim(AGENT, TaskId.newTask(APP), new Resources(1, 1000, 50), 4, List.of());
        AgentView before = agent();

        assertThat(claims.claim(AGENT, TaskId.newTask(APP), new Resources(1.001, 1, 1), 0, List.of()))
                .isEqualTo(new Declined("insufficient_cpus"));
        assertThat(claims.claim(AGENT, TaskId.newTask(APP), new Resources(1, 25, 1), 0, List.of()))
                .isEqualTo(new Declined("insufficient_mem"));
        assertThat(claims.claim(AGENT, TaskId.newTask(APP), new Resources(1, 24, 51), 0, List.of()))
                .isEqualTo(new Declined("insufficient_disk"));
        assertThat(claims.claim(AGENT, TaskId.newTask(APP), new Resources(1, 24, 50), 2, List.of()))
                .isEqualTo(new Declined("insufficient_ports"));

        assertThat(agent()).isEqualTo(before);
        assertThat(claims.claim(AGENT, TaskId.newTask(APP), new Resources(1, 24, 50), 1, List.of())).isInstanceOf(Granted.class);
    }

    @Test
    void inactiveOrUnknownAgents_decline() {
        state(AGENT.value(), AgentState.DRAINING);
        assertThat(claims.claim(AGENT, TaskId.newTask(APP), Resources.NONE, 0, List.of())).isEqualTo(new Declined("agent_not_active"));
        state(AGENT.value(), AgentState.ACTIVE);
        assertThat(claims.claim(AGENT, TaskId.newTask(APP), Resources.NONE, 0, List.of())).isInstanceOf(Granted.class);
        assertThat(claims.claim(AgentId.parse("contract-nobody"), TaskId.newTask(APP), Resources.NONE, 0, List.of()))
                .isEqualTo(new Declined("agent_unknown"));
        assertThat(claims.release(AgentId.parse("contract-nobody"), TaskId.newTask(APP))).isFalse();
        assertThat(claims.claims(AgentId.parse("contract-nobody"))).isEmpty();
    }

    @Test
    void fractionalClaimsAndReleases_neverDrift() {
        List<TaskId> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TaskId task = TaskId.newTask(APP);
            tasks.add(task);
            claims.claim(AGENT, task, new Resources(0.1, 0.1, 0.01), 0, List.of());
        }
        assertThat(agent().used()).isEqualTo(new Resources(2, 2, 0.2));
        tasks.forEach(task -> claims.release(AGENT, task));
        assertThat(agent().used()).isEqualTo(Resources.NONE);
    }

    private AgentView agent() {
        return byId(views.load()).get(AGENT.value());
    }

    private static Map<String, AgentView> byId(List<AgentView> views) {
        Map<String, AgentView> byId = new HashMap<>();
        views.forEach(v -> byId.put(v.info().id(), v));
        return byId;
    }
}
