package dev.pacer.scheduler.placement.claim;

import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.TaskId;
import java.util.List;
import java.util.Map;

/**
 * Claims and releases an agent's resources for tasks, atomically: placement works on a snapshot; this is
 * where two schedulers racing for the last cpu are told apart. {@link RedisAgentClaims} is the production
 * adapter; {@code AgentClaimsContract} states the behaviour.
 */
public interface AgentClaims {

    /**
     * Claims {@code resources} and host ports of the agent for the task, if the agent is known, ACTIVE
     * (or has no state yet) and has them free: the {@code portCount} lowest free ports, or with
     * {@code required} non-empty exactly those ({@code requirePorts}; a 0 takes the lowest free one),
     * else {@code insufficient_ports}. Amounts are rounded to 3 decimals, so claims and releases never drift.
     * Idempotent: a task that holds a claim on the agent gets it back unchanged. A decline
     * ({@code agent_unknown}, {@code agent_not_active}, {@code insufficient_cpus|mem|disk|ports}) changes nothing.
     */
    ClaimResult claim(AgentId agent, TaskId task, Resources resources, int portCount, List<Integer> required);

    /** Gives the task's claim back, once: true when it released one, false when the task held none. */
    boolean release(AgentId agent, TaskId task);

    /** Every claim on the agent, by task. */
    Map<TaskId, Claim> claims(AgentId agent);
}
