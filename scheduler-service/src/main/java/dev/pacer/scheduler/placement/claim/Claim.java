package dev.pacer.scheduler.placement.claim;

import dev.pacer.contract.agent.Resources;
import java.util.List;
import java.util.Objects;

/**
 * What one task holds on its agent: stored as {@code {"cpus","mem","disk","ports":[..]}} under the task
 * id in {@link dev.pacer.contract.RedisKeys#agentClaims}.
 *
 * @param resources cpus, mem and disk claimed
 * @param ports     host ports claimed, lowest first
 */
public record Claim(Resources resources, List<Integer> ports) {

    public Claim {
        Objects.requireNonNull(resources, "resources");
        ports = List.copyOf(ports);
    }
}
