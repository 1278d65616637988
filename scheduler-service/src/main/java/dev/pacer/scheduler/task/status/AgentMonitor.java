package dev.pacer.scheduler.task.status;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentState;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.task.store.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * Finds agents that stopped heartbeating. An agent silent for longer than {@code lostAfter} is marked
 * {@link AgentState#LOST} and its active tasks {@code TASK_UNREACHABLE} (their apps' reconcilers then
 * replace them per {@code unreachableStrategy}); an agent heartbeating again is ACTIVE again and
 * re-reports its tasks itself. Each instance watches the agents of the shards it holds.
 */
public class AgentMonitor {

    private static final Logger log = LoggerFactory.getLogger(AgentMonitor.class);

    private final StringRedisTemplate redis;
    private final TaskStore tasks;
    private final TaskTransitions transitions;
    private final Predicate<String> owned;
    private final Duration lostAfter;
    private final Clock clock;
    private final Map<AgentState, AtomicInteger> byState = new EnumMap<>(AgentState.class);

    public AgentMonitor(StringRedisTemplate redis, TaskStore tasks, TaskTransitions transitions,
                        Predicate<String> owned, Duration lostAfter, Clock clock) {
        this.redis = redis;
        this.tasks = tasks;
        this.transitions = transitions;
        this.owned = owned;
        this.lostAfter = lostAfter;
        this.clock = clock;
        for (AgentState state : AgentState.values()) {
            byState.put(state, new AtomicInteger());
        }
    }

    /** Agents of this instance's shards in {@code state} at the last pass (summed over instances: the cluster's). */
    public int agentsIn(AgentState state) {
        return byState.get(state).get();
    }

    public void pass() {
        Instant now = clock.instant();
        Set<TypedTuple<String>> agents = redis.opsForZSet().rangeWithScores(RedisKeys.AGENTS, 0, -1);
        if (agents == null) {
            return;
        }
        Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
        for (TypedTuple<String> agent : agents) {
            String id = agent.getValue();
            if (id == null || agent.getScore() == null || !owned.test(id)) {
                continue;
            }
            boolean silent = Instant.ofEpochMilli(agent.getScore().longValue()).plus(lostAfter).isBefore(now);
            Object state = redis.opsForHash().get(RedisKeys.agent(id), "state");
            if (silent && !AgentState.LOST.name().equals(state)) {
                redis.opsForHash().put(RedisKeys.agent(id), "state", AgentState.LOST.name());
                int unreachable = markTasksUnreachable(id, now);
                log.warn("Agent {} missed its heartbeats for {}: lost; {} task(s) unreachable", id, lostAfter, unreachable);
            } else if (!silent && AgentState.LOST.name().equals(state)) {
                redis.opsForHash().put(RedisKeys.agent(id), "state", AgentState.ACTIVE.name());
                log.info("Agent {} heartbeats again: active", id);
            }
            AgentState seen = silent ? AgentState.LOST
                    : AgentState.DRAINING.name().equals(state) ? AgentState.DRAINING : AgentState.ACTIVE;
            counts.merge(seen, 1, Integer::sum);
        }
        byState.forEach((s, n) -> n.set(counts.getOrDefault(s, 0)));
    }

    private int markTasksUnreachable(String agentId, Instant now) {
        int count = 0;
        for (String taskId : tasks.idsOnAgent(agentId)) {
            TaskRecord[] before = new TaskRecord[1];
            Optional<TaskRecord> after = tasks.update(TaskId.parse(taskId).appId(), taskId, current -> {
                before[0] = current;
                return current.isActive() && current.state() != TaskState.TASK_UNREACHABLE
                        ? current.withState(TaskState.TASK_UNREACHABLE, now, "agent " + agentId + " lost", null)
                        : current;
            });
            if (after.isPresent() && before[0].state() != after.get().state()) {
                transitions.changed(before[0], after.get());
                count++;
            }
        }
        return count;
    }
}
