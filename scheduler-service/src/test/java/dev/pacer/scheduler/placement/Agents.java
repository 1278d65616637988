package dev.pacer.scheduler.placement;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.AgentState;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Agents for placement tests: 4 cpus, 4096 MiB, 10000 MiB disk, ports 10000-10009 unless told otherwise. */
public final class Agents {

    public static final Resources CAPACITY = new Resources(4, 4096, 10000);

    private Agents() {
    }

    /** An agent in {@code zone} with attributes given as name, value pairs; host = id + ".example". */
    public static AgentInfo info(String id, String zone, String... attributes) {
        Map<String, String> attrs = new HashMap<>();
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            attrs.put(attributes[i], attributes[i + 1]);
        }
        return new AgentInfo(id, id + ".example", 5051, zone, "eu", attrs, CAPACITY, new PortRange(10000, 10009));
    }

    public static AgentView idle(String id, String zone, String... attributes) {
        return AgentView.idle(info(id, zone, attributes));
    }

    public static AgentView using(String id, Resources used) {
        return new AgentView(info(id, "a"), AgentState.ACTIVE, used, Set.of(), true);
    }
}
