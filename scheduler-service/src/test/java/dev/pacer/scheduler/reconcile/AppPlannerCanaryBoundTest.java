package dev.pacer.scheduler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.definition.spec.Desired;
import dev.pacer.scheduler.deploy.DeploymentHook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bound a pass puts on new tasks from the deployment holding its app, read at the pass's start. */
class AppPlannerCanaryBoundTest {

    private static final AppId APP = AppId.parse("/bound/web");
    private static final Instant V1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant V2 = Instant.parse("2026-01-02T00:00:00Z");

    @Test
    void aChangeStartedButNotStoredYet_holdsTheAppAtZero_whateverItsCanary() {
        assertThat(AppPlanner.canaryBound(spec(V1), held(-1, V2))).isZero();
        assertThat(AppPlanner.canaryBound(spec(V1), held(2, V2))).isZero();
    }

    @Test
    void onceStored_theDeploymentsOwnCanaryCounts() {
        assertThat(AppPlanner.canaryBound(spec(V2), held(-1, V2))).isEqualTo(-1);
        assertThat(AppPlanner.canaryBound(spec(V2), held(1, V2))).isEqualTo(1);
        assertThat(AppPlanner.canaryBound(spec(V2), held(-1, V1))).as("superseded").isEqualTo(-1);
        assertThat(AppPlanner.canaryBound(spec(V1), held(-1, null))).as("a later step, a deletion").isEqualTo(-1);
        assertThat(AppPlanner.canaryBound(spec(V1), DeploymentHook.Held.NONE)).isEqualTo(-1);
        assertThat(AppPlanner.canaryBound(Optional.empty(), held(1, V2))).as("deleted").isEqualTo(-1);
    }

    private static DeploymentHook.Held held(int canary, Instant target) {
        return new DeploymentHook.Held() {
            @Override
            public int canary() {
                return canary;
            }

            @Override
            public String target() {
                return target == null ? null : target.toString();
            }
        };
    }

    private static Optional<AppSpec> spec(Instant version) {
        return Optional.of(new AppSpec(APP, version.toString(), version, 1, new Resources(0.1, 32, 0), List.of(), List.of(),
                "serve", List.of(), Map.of(), Map.of(), 0, Desired.KillOrder.YOUNGEST_FIRST, Duration.ofMinutes(5),
                Duration.ofMinutes(10), 1, 1.15, 3600, List.of(), Map.of(), Map.of(), 1, 1, List.of(), List.of(), null));
    }
}
