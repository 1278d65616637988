package dev.pacer.health.shard.web;

import dev.pacer.boot.cluster.ClusterMembership;
import dev.pacer.boot.cluster.Member;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.ServiceName;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health/members}: the health-service instances that share the checks between them,
 * as this instance sees them (the input of its shard assignment).
 */
@RestController
class CheckersController {

    private final ClusterMembership membership;

    CheckersController(ClusterMembership membership) {
        this.membership = membership;
    }

    record Checkers(String self, List<String> members) {
    }

    @GetMapping(ApiPaths.API_HEALTH_MEMBERS)
    Checkers checkers() {
        return new Checkers(membership.selfId(),
                membership.members(ServiceName.HEALTH).stream().map(Member::instanceId).toList());
    }
}
