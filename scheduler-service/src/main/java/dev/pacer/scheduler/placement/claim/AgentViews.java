package dev.pacer.scheduler.placement.claim;

import dev.pacer.scheduler.placement.AgentView;
import java.util.List;

/**
 * Every registered agent as a placement candidate: its info, state, resources and ports in use, and whether
 * its last heartbeat is fresh. Agents that are not placeable (stale, draining, lost) are loaded too: the
 * app's tasks on them still count for its constraints. {@link RedisAgentViews} is the production adapter.
 */
public interface AgentViews {

    List<AgentView> load();
}
