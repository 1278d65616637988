package dev.pacer.scheduler.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment: ordered steps of actions, each step finished before the next starts. Stored as it
 * is here — app ids and versions — so its size grows with the apps it changes, not with the
 * cluster's state.
 *
 * @param version    the version the change produced (what the deployable call answered)
 * @param startedAt  epoch ms
 * @param rollbackOf id of the deployment this one reverts, null for a user's change
 * @param canaries   app id → canary size, for apps whose change pauses after that many new tasks
 *                   until promoted ({@code pacer.canary})
 * @param autoRevertAt epoch ms after which a change whose new tasks are not healthy rolls back by
 *                   itself ({@code pacer.autoRevert}); 0 when off
 * @param blueGreen  app id → seconds the old set is kept after the traffic switch, for apps whose
 *                   change is deployed blue-green ({@code pacer.blueGreen})
 */
public record DeploymentPlan(String id, String version, long startedAt, List<List<DeploymentAction>> steps,
                             String rollbackOf, Map<String, Integer> canaries, long autoRevertAt,
                             Map<String, Integer> blueGreen) {

    public DeploymentPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        steps = steps.stream().filter(s -> !s.isEmpty()).map(List::copyOf).toList();
        canaries = canaries == null ? Map.of() : Map.copyOf(canaries);
        blueGreen = blueGreen == null ? Map.of() : Map.copyOf(blueGreen);
    }

    public boolean hasCanary() {
        return !canaries.isEmpty();
    }

    /** Every app the plan touches, in step order. */
    public List<String> affectedApps() {
        LinkedHashSet<String> apps = new LinkedHashSet<>();
        steps.forEach(step -> step.forEach(a -> apps.add(a.app())));
        return new ArrayList<>(apps);
    }

    public int totalSteps() {
        return steps.size();
    }

    /** The 1-based step that holds the app's action. */
    public Optional<Integer> stepOf(String app) {
        for (int i = 0; i < steps.size(); i++) {
            for (DeploymentAction a : steps.get(i)) {
                if (a.app().equals(app)) {
                    return Optional.of(i + 1);
                }
            }
        }
        return Optional.empty();
    }

    public Optional<DeploymentAction> actionOf(String app) {
        return steps.stream().flatMap(List::stream).filter(a -> a.app().equals(app)).findFirst();
    }

    public List<DeploymentAction> step(int oneBased) {
        return oneBased >= 1 && oneBased <= steps.size() ? steps.get(oneBased - 1) : List.of();
    }
}
