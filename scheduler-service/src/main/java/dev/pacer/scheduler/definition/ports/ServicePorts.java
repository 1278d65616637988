package dev.pacer.scheduler.definition.ports;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.PortDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Marathon's service ports: a port definition with {@code port: 0} gets a port from the service-port
 * range ({@code local_port_min..max}, 10000–20000 by default), unique across the cluster, kept across
 * updates of the app and given back when the app no longer uses it. Taken from the cluster's
 * {@link ServicePortPool}, so two schedulers never hand out the same one.
 */
public class ServicePorts {

    private final ServicePortPool pool;
    private final int min;
    private final int max;

    public ServicePorts(ServicePortPool pool, int min, int max) {
        this.pool = pool;
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /**
     * Fills every {@code port: 0} of {@code next}: with the port the stored app had at that index when
     * it had one, else with a new one. Ports of {@code stored} that {@code next} no longer uses are
     * given back. Apps on container networking keep their definitions untouched.
     */
    public AppDefinition assign(AppDefinition stored, AppDefinition next) {
        if (next.portDefinitions() == null || next.portDefinitions().isEmpty()) {
            releaseUnused(stored, Set.of());
            return next;
        }
        List<Integer> previous = ports(stored);
        List<PortDefinition> assigned = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < next.portDefinitions().size(); i++) {
            PortDefinition definition = next.portDefinitions().get(i);
            int port = definition.port() == null ? 0 : definition.port();
            if (port == 0 && Boolean.TRUE.equals(next.requirePorts())) {
                assigned.add(definition);
                continue;
            }
            if (port == 0) {
                port = i < previous.size() && previous.get(i) != 0 ? previous.get(i) : take(i, taken);
            }
            assigned.add(new PortDefinition(port, definition.protocol(), definition.name(), definition.labels()));
        }
        AppDefinition result = next.toBuilder().portDefinitions(assigned).build();
        releaseUnused(stored, new HashSet<>(ports(result)));
        return result;
    }

    /** Gives back every service port of a deleted app. */
    public void release(AppDefinition app) {
        releaseUnused(app, Set.of());
    }

    /** The app's service ports, in port-definition order (0 where none is assigned). */
    public static List<Integer> ports(AppDefinition app) {
        if (app == null || app.portDefinitions() == null) {
            return List.of();
        }
        return app.portDefinitions().stream().map(d -> d.port() == null ? 0 : d.port()).toList();
    }

    private int take(int index, List<Integer> taken) {
        int port = pool.take(min, max, ThreadLocalRandom.current().nextInt(max - min + 1));
        if (port < 0) {
            taken.forEach(pool::release);
            throw ApiException.invalid(List.of(ErrorDetail.of("/portDefinitions(" + index + ")/port",
                    "no free service port left in " + min + "-" + max)));
        }
        taken.add(port);
        return port;
    }

    private void releaseUnused(AppDefinition stored, Set<Integer> stillUsed) {
        for (int port : ports(stored)) {
            if (port >= min && port <= max && !stillUsed.contains(port)) {
                pool.release(port);
            }
        }
    }
}
