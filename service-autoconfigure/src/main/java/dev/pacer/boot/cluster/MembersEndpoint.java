package dev.pacer.boot.cluster;

import dev.pacer.contract.ServiceName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code /actuator/members}: this instance's view of the cluster, per service. */
@Endpoint(id = "members")
public class MembersEndpoint {

    private final ClusterMembership membership;

    public MembersEndpoint(ClusterMembership membership) {
        this.membership = membership;
    }

    public record View(String self, Map<String, List<Member>> services) {
    }

    @ReadOperation
    public View members() {
        Map<String, List<Member>> services = new LinkedHashMap<>();
        for (ServiceName service : ServiceName.values()) {
            List<Member> members = membership.members(service);
            if (!members.isEmpty()) {
                services.put(service.id(), members);
            }
        }
        return new View(membership.selfId(), services);
    }
}
