package dev.pacer.scheduler.deploy;

import static dev.pacer.scheduler.deploy.GateFixtures.APP;
import static dev.pacer.scheduler.deploy.GateFixtures.NOW;
import static dev.pacer.scheduler.deploy.GateFixtures.TO_V2;
import static dev.pacer.scheduler.deploy.GateFixtures.V1;
import static dev.pacer.scheduler.deploy.GateFixtures.V2;
import static dev.pacer.scheduler.deploy.GateFixtures.idsOf;
import static dev.pacer.scheduler.deploy.GateFixtures.plan;
import static dev.pacer.scheduler.deploy.GateFixtures.running;
import static dev.pacer.scheduler.deploy.GateFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.support.RecordingAppHints;
import dev.pacer.scheduler.support.RecordingEventLog;
import dev.pacer.scheduler.task.store.TaskRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The executor of the gate's decisions: what each one writes, and whether the pass looks at the app again. */
class DeploymentProgressTest {

    private final InMemoryDeploymentStore store = new InMemoryDeploymentStore();
    private final InMemoryTrafficGate traffic = new InMemoryTrafficGate();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RecordingEventLog events = new RecordingEventLog(clock);
    private final RecordingAppHints hints = new RecordingAppHints();
    private final RecordingActivator activator = new RecordingActivator();
    private final DeploymentService service = new DeploymentService(store,
            new DeploymentMetrics(new SimpleMeterRegistry(), () -> store.all().size()), new DeploymentEvents(events), traffic, clock);
    private final DeploymentProgress progress = new DeploymentProgress(store, service, activator, hints, traffic, clock);

    @Test
    void held_readsTheBoundOfTheAppsStrategy_andTheVersionItsStepTargets() {
        assertThat(progress.held(APP)).isSameAs(DeploymentHook.Held.NONE);

        start(plan(TO_V2, Map.of(APP.toString(), 1), 0, Map.of(), null));
        DeploymentHook.Held held = progress.held(APP);

        assertThat(held.deploymentId()).isEqualTo("d-1");
        assertThat(held.canary()).as("paused at its canary").isEqualTo(1);
        assertThat(held.target()).isEqualTo(V2.toString());
        store.promote("d-1");
        assertThat(progress.held(APP).canary()).isEqualTo(-1);
    }

    @Test
    void aDoneAction_ofTheLastStep_endsTheDeploymentAndFreesItsLock() {
        start(plan(TO_V2, Map.of(), 0, Map.of(), null));
        TaskRecord a = running(V2);

        assertThat(afterPass(List.of(a), idsOf(a))).isFalse();

        assertThat(store.get("d-1")).isEmpty();
        assertThat(store.lockOf(APP.toString())).isEmpty();
        assertThat(events.types()).contains("deployment_step_success", "deployment_success");
    }

    @Test
    void aDoneStep_startsTheNext_andWakesItsApps() {
        DeploymentAction db = new DeploymentAction(DeploymentAction.Type.RestartApplication, "/p/db", V2.toString(), V1.toString());
        start(new DeploymentPlan("d-1", V2.toString(), NOW.toEpochMilli(), List.of(List.of(TO_V2), List.of(db)), null, Map.of(), 0,
                Map.of()));
        TaskRecord a = running(V2);

        assertThat(afterPass(List.of(a), idsOf(a))).isFalse();

        assertThat(store.get("d-1").orElseThrow().currentStep()).isEqualTo(2);
        assertThat(hints.published()).containsExactly(AppId.parse("/p/db"));
    }

    @Test
    void aWaitingAction_isLookedAtAgain_andAPausedCanaryIsNot() {
        start(plan(TO_V2, Map.of(APP.toString(), 1), 0, Map.of(), null));
        TaskRecord a = running(V2);

        assertThat(afterPass(List.of(a), idsOf(a))).as("paused: the promote wakes the app").isFalse();
        store.promote("d-1");
        assertThat(afterPass(List.of(a, running(V1)), idsOf(a))).as("an old task left").isTrue();
        assertThat(store.get("d-1")).isPresent();
    }

    @Test
    void anActivation_thatChangedSomething_waits_andOneThatChangedNothing_fallsThroughToTheGate() {
        start(plan(TO_V2, Map.of(), 0, Map.of(), null));
        TaskRecord old = running(V1);

        activator.changes = true;
        assertThat(progress.afterPass(APP, progress.held(APP), spec(V1, 1), List.of(old), idsOf(old), NOW)).isTrue();
        activator.changes = false;
        assertThat(progress.afterPass(APP, progress.held(APP), spec(V1, 1), List.of(old), idsOf(old),
                NOW.plus(DeploymentGate.UNSTORED_GRACE).plusSeconds(1))).as("given up").isFalse();

        assertThat(activator.activated).containsExactly(TO_V2, TO_V2);
        assertThat(store.get("d-1")).as("done all the same").isEmpty();
    }

    @Test
    void blueGreen_opensTraffic_thenSwitchesTheOldVersionsOut_andHoldsTheOldSet() {
        start(plan(TO_V2, Map.of(), 0, Map.of(APP.toString(), 30), null));
        traffic.deny(APP, List.of(V2.toString())); // as the request does, before it stores V2
        TaskRecord old = running(V1);
        TaskRecord a = running(V2);
        List<TaskRecord> tasks = List.of(old, a);

        assertThat(afterPass(tasks, idsOf(old, a))).isTrue();
        assertThat(traffic.denied(APP)).as("opened").isEmpty();
        assertThat(store.get("d-1").orElseThrow().openedAt()).isEqualTo(NOW.toEpochMilli());

        Instant settled = NOW.plus(DeploymentStrategy.BlueGreen.SWITCH_SETTLE);
        assertThat(progress.afterPass(APP, progress.held(APP), spec(V2, 1), tasks, idsOf(old, a), settled)).isTrue();
        assertThat(traffic.denied(APP)).containsExactly(V1.toString());
        assertThat(store.get("d-1").orElseThrow().switchedAt()).isEqualTo(settled.toEpochMilli());
        assertThat(progress.held(APP).canary()).as("the old set is held").isEqualTo(Integer.MAX_VALUE);
        assertThat(progress.afterPass(APP, progress.held(APP), spec(V2, 1), List.of(a), idsOf(a), settled.plusSeconds(29)))
                .as("held").isTrue();
        assertThat(store.get("d-1")).isPresent();
    }

    @Test
    void aBlueGreenChangeNotStoredYet_opensNothing_theTasksOfTheDefinitionItReplacesAreNotItsNewSet() {
        start(plan(TO_V2, Map.of(), 0, Map.of(APP.toString(), 3), null));
        traffic.deny(APP, List.of(V2.toString())); // as the request does, before it stores V2
        TaskRecord a = running(V1);
        TaskRecord b = running(V1);

        DeploymentHook.Held held = progress.held(APP);
        assertThat(held.target()).isEqualTo(V2.toString());
        assertThat(progress.afterPass(APP, held, spec(V1, 2), List.of(a, b), idsOf(a, b), NOW)).as("still waiting").isTrue();

        assertThat(traffic.denied(APP)).as("the green set stays out of traffic").containsExactly(V2.toString());
        assertThat(store.get("d-1").orElseThrow().openedAt()).isNull();
        assertThat(store.get("d-1").orElseThrow().switchedAt()).isNull();
    }

    @Test
    void pastTheAutoRevertDeadline_unhealthyNewTasks_revertTheDeployment() {
        Instant deadline = NOW.plusSeconds(300);
        start(plan(TO_V2, Map.of(), deadline.toEpochMilli(), Map.of(), null));
        TaskRecord sick = running(V2);

        assertThat(progress.afterPass(APP, progress.held(APP), spec(V2, 1), List.of(sick), Set.of(), deadline)).isFalse();

        assertThat(activator.reverted).containsExactly("d-1|" + DeploymentGate.AUTO_REVERTED);
    }

    @Test
    void aLockWhoseDeploymentIsGone_isReleased() {
        DeploymentPlan plan = plan(TO_V2, Map.of(), 0, Map.of(), null);
        start(plan);
        // the deployment's record went without its lock (a crash between the two): ending it by a plan of no apps
        store.end(new DeploymentPlan(plan.id(), plan.version(), plan.startedAt(), List.of(), null, Map.of(), 0, Map.of()));
        DeploymentHook.Held held = progress.held(APP);
        assertThat(held.deploymentId()).isEqualTo("d-1");
        assertThat(held.canary()).isEqualTo(-1);

        assertThat(progress.afterPass(APP, held, spec(V2, 1), List.of(), Set.of(), NOW)).isFalse();

        assertThat(store.lockOf(APP.toString())).isEmpty();
    }

    private void start(DeploymentPlan plan) {
        assertThat(store.start(plan)).isEmpty();
    }

    private boolean afterPass(List<TaskRecord> tasks, Set<String> healthy) {
        return progress.afterPass(APP, progress.held(APP), spec(V2, 1), tasks, healthy, NOW);
    }

    /** Activates as told; remembers what it was asked. */
    private static final class RecordingActivator implements DeploymentActivator {

        boolean changes;
        final List<DeploymentAction> activated = new ArrayList<>();
        final List<String> reverted = new ArrayList<>();

        @Override
        public boolean activate(DeploymentAction action) {
            activated.add(action);
            return changes;
        }

        @Override
        public String revert(String deploymentId, String why) {
            reverted.add(deploymentId + "|" + why);
            return "rollback";
        }
    }
}
