package dev.pacer.scheduler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.scheduler.deploy.DeploymentAction.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DeploymentStore} does; each implementation's test extends this with its own store. */
abstract class DeploymentStoreContract {

    DeploymentStore store;

    /** An empty store. */
    abstract DeploymentStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void start_locksEveryApp_andStoresTheDeploymentAtStepOne() {
        DeploymentPlan plan = plan("d1", 10, List.of("/a", "/b"), List.of("/c"));

        assertThat(store.start(plan)).isEmpty();

        assertThat(store.get("d1")).hasValueSatisfying(d -> {
            assertThat(d.plan()).isEqualTo(plan);
            assertThat(d.currentStep()).isEqualTo(1);
            assertThat(d.promoted()).isFalse();
            assertThat(d.switchedAt()).isNull();
            assertThat(d.openedAt()).isNull();
        });
        assertThat(store.lockOf("/c")).contains("d1");
        assertThat(store.locksOf(List.of("/c", "/x", "/a"))).containsExactly(Map.entry("/c", "d1"), Map.entry("/a", "d1"));
    }

    @Test
    void start_overAHeldApp_namesEachHolderOnce_andChangesNothing() {
        store.start(plan("d1", 10, List.of("/a", "/b")));
        store.start(plan("d2", 11, List.of("/c")));

        assertThat(store.start(plan("d3", 12, List.of("/c", "/a", "/b", "/free")))).containsExactly("d2", "d1");

        assertThat(store.get("d3")).isEmpty();
        assertThat(store.lockOf("/free")).isEmpty();
        assertThat(store.all()).extracting(RunningDeployment::id).containsExactly("d1", "d2");
    }

    @Test
    void end_releasesItsLocks_only_andSaysWhetherItWasThere() {
        DeploymentPlan first = plan("d1", 10, List.of("/a"));
        store.start(first);

        assertThat(store.end(first)).isTrue();
        assertThat(store.end(first)).isFalse();

        assertThat(store.get("d1")).isEmpty();
        assertThat(store.lockOf("/a")).isEmpty();
        assertThat(store.all()).isEmpty();
        DeploymentPlan second = plan("d2", 11, List.of("/a"));
        store.start(second);
        assertThat(store.end(first)).isFalse();
        assertThat(store.lockOf("/a")).contains("d2");
    }

    @Test
    void all_isOldestFirst() {
        store.start(plan("late", 30, List.of("/a")));
        store.start(plan("early", 10, List.of("/b")));
        store.start(plan("middle", 20, List.of("/c")));
        assertThat(store.all()).extracting(RunningDeployment::id).containsExactly("early", "middle", "late");
    }

    @Test
    void complete_advancesWhenEveryActionOfTheStepIsDone_andIgnoresStaleSteps() {
        store.start(plan("d1", 10, List.of("/a", "/b"), List.of("/c")));
        RunningDeployment atOne = store.get("d1").orElseThrow();

        assertThat(store.complete(atOne, "/a")).isEqualTo(1);
        assertThat(store.complete(atOne, "/a")).isEqualTo(1);
        assertThat(store.complete(atOne, "/b")).isEqualTo(2);
        assertThat(store.complete(atOne, "/b")).as("a stale step changes nothing").isEqualTo(2);

        RunningDeployment atTwo = store.get("d1").orElseThrow();
        assertThat(atTwo.currentStep()).isEqualTo(2);
        assertThat(store.complete(atTwo, "/c")).as("past the last step").isEqualTo(3);
    }

    @Test
    void complete_ofAGoneDeployment_isZero() {
        DeploymentPlan plan = plan("d1", 10, List.of("/a"));
        store.start(plan);
        RunningDeployment running = store.get("d1").orElseThrow();
        store.end(plan);
        assertThat(store.complete(running, "/a")).isZero();
    }

    @Test
    void marks_andPromotion_areRecordedOnce_andRefusedForAGoneDeployment() {
        store.start(plan("d1", 10, List.of("/a")));

        assertThat(store.markSwitched("d1", 100)).isTrue();
        assertThat(store.markSwitched("d1", 200)).isFalse();
        assertThat(store.markOpened("d1", 300)).isTrue();
        assertThat(store.markOpened("d1", 400)).isFalse();
        assertThat(store.promote("d1")).isTrue();
        assertThat(store.promote("d1")).isTrue();

        assertThat(store.get("d1")).hasValueSatisfying(d -> {
            assertThat(d.switchedAt()).isEqualTo(100L);
            assertThat(d.openedAt()).isEqualTo(300L);
            assertThat(d.promoted()).isTrue();
        });
        assertThat(store.markSwitched("gone", 1)).isFalse();
        assertThat(store.markOpened("gone", 1)).isFalse();
        assertThat(store.promote("gone")).isFalse();
        assertThat(store.get("gone")).isEmpty();
        assertThat(store.all()).extracting(RunningDeployment::id).containsExactly("d1");
    }

    @Test
    void releaseStale_dropsOnlyALockWhoseDeploymentIsGone() {
        DeploymentPlan plan = plan("d1", 10, List.of("/a"));
        store.start(plan);
        store.releaseStale("/a", "d1");
        assertThat(store.lockOf("/a")).contains("d1");
        store.releaseStale("/a", "other");
        assertThat(store.lockOf("/a")).contains("d1");
    }

    @Test
    void absentDeployments_readAsEmpty() {
        assertThat(store.get("none")).isEmpty();
        assertThat(store.all()).isEmpty();
        assertThat(store.lockOf("/a")).isEmpty();
        assertThat(store.locksOf(List.of())).isEmpty();
        assertThat(store.locksOf(List.of("/a"))).isEmpty();
    }

    @SafeVarargs
    static DeploymentPlan plan(String id, long startedAt, List<String>... steps) {
        List<List<DeploymentAction>> actions = Arrays.stream(steps)
                .map(apps -> apps.stream().map(app -> new DeploymentAction(Type.ScaleApplication, app, "v2", "v1")).toList())
                .toList();
        return new DeploymentPlan(id, "2026-01-01T00:00:00.000Z", startedAt, actions, null, Map.of(), 0, Map.of());
    }
}
