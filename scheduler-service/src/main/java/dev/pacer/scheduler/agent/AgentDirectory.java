package dev.pacer.scheduler.agent;

import dev.pacer.contract.agent.AgentInfo;
import java.util.Optional;

/** Looks up one agent's registration: where its API answers (host, port), its zone and resources. */
public interface AgentDirectory {

    /** Empty when no agent of that id is registered. */
    Optional<AgentInfo> info(String agentId);
}
