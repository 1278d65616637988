package dev.pacer.scheduler.placement.claim;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.AgentState;

class InMemoryAgentsTest extends AgentsContract {

    private InMemoryAgents agents;

    @Override
    void connect() {
        agents = new InMemoryAgents();
        views = agents;
        claims = agents;
    }

    @Override
    void register(AgentInfo info) {
        agents.register(info);
    }

    @Override
    void stale(String agentId) {
        agents.stale(agentId);
    }

    @Override
    void state(String agentId, AgentState state) {
        agents.state(agentId, state);
    }
}
