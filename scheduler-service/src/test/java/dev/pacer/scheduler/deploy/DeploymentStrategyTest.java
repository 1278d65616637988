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

import dev.pacer.scheduler.deploy.DeploymentStrategy.BlueGreen;
import dev.pacer.scheduler.deploy.DeploymentStrategy.Canary;
import dev.pacer.scheduler.deploy.DeploymentStrategy.Rolling;
import dev.pacer.scheduler.deploy.StepDecision.Activate;
import dev.pacer.scheduler.deploy.StepDecision.Done;
import dev.pacer.scheduler.deploy.StepDecision.HoldOldSet;
import dev.pacer.scheduler.deploy.StepDecision.OpenTraffic;
import dev.pacer.scheduler.deploy.StepDecision.Paused;
import dev.pacer.scheduler.deploy.StepDecision.Revert;
import dev.pacer.scheduler.deploy.StepDecision.SwitchTraffic;
import dev.pacer.scheduler.deploy.StepDecision.Wait;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each strategy's own rules, decided purely: the canary bound of a pass and the gate after it. */
class DeploymentStrategyTest {

    private static final String ID = APP.toString();
    private static final long SETTLE = BlueGreen.SWITCH_SETTLE.toMillis();

    @Test
    void theStrategy_isChosenFromThePlanForTheApp() {
        assertThat(DeploymentStrategy.of(plan(TO_V2, Map.of(), 0, Map.of(), null), ID)).isEqualTo(new Rolling());
        assertThat(DeploymentStrategy.of(plan(TO_V2, Map.of(ID, 2), 0, Map.of(), null), ID)).isEqualTo(new Canary(2));
        assertThat(DeploymentStrategy.of(plan(TO_V2, Map.of(), 0, Map.of(ID, 30), null), ID)).isEqualTo(new BlueGreen(30));
        assertThat(DeploymentStrategy.of(plan(TO_V2, Map.of("/p/other", 2), 0, Map.of("/p/other", 30), null), ID))
                .as("another app's canary").isEqualTo(new Rolling());
    }

    @Test
    void rolling_neverBoundsThePass() {
        assertThat(new Rolling().canaryBound(deploymentWith(Map.of(), Map.of(), false, null, null), NOW.toEpochMilli())).isEqualTo(-1);
    }

    @Test
    void canary_boundsThePassToItsSize_untilPromoted() {
        Canary canary = new Canary(2);

        assertThat(canary.canaryBound(deploymentWith(Map.of(ID, 2), Map.of(), false, null, null), NOW.toEpochMilli())).isEqualTo(2);
        assertThat(canary.canaryBound(deploymentWith(Map.of(ID, 2), Map.of(), true, null, null), NOW.toEpochMilli())).isEqualTo(-1);
    }

    @Test
    void canary_pausedWaitsForThePromote_evenWhenItsTasksConverged_thenRolls() {
        TaskRecord a = running(V2);
        RunningDeployment paused = deploymentWith(Map.of(ID, 1), Map.of(), false, null, null);
        RunningDeployment promoted = deploymentWith(Map.of(ID, 1), Map.of(), true, null, null);

        assertThat(decide(paused, List.of(a), idsOf(a), NOW, 1)).isEqualTo(new Paused());
        assertThat(decide(promoted, List.of(a), idsOf(a), NOW, 1)).isEqualTo(new Done(TO_V2));
        assertThat(decide(promoted, List.of(a, running(V1)), idsOf(a), NOW, 1)).isEqualTo(new Wait());
    }

    @Test
    void canary_aPausedDeploymentHoldsOnlyItsCanaryApps() {
        TaskRecord a = running(V2);
        RunningDeployment pausedElsewhere = deploymentWith(Map.of("/p/other", 1), Map.of(), false, null, null);

        assertThat(decide(pausedElsewhere, List.of(a), idsOf(a), NOW, 1)).isEqualTo(new Done(TO_V2));
    }

    @Test
    void canary_aChangeNotStoredYet_isActivatedBeforeThePause() {
        RunningDeployment paused = deploymentWith(Map.of(ID, 1), Map.of(), false, null, null);

        assertThat(DeploymentGate.decide(paused, ID, spec(V1, 2), List.of(), Set.of(), NOW))
                .isEqualTo(new Activate(TO_V2, new Paused()));
    }

    @Test
    void blueGreen_runsTheWholeNewSetBesideTheOld_untilKeepOldSecondsAfterTheSwitch() {
        BlueGreen blueGreen = new BlueGreen(30);
        long switched = NOW.toEpochMilli();

        assertThat(blueGreen.canaryBound(deploymentWith(Map.of(), Map.of(ID, 30), false, null, null), switched + 999_999))
                .as("before the switch").isEqualTo(Integer.MAX_VALUE);
        assertThat(blueGreen.canaryBound(deploymentWith(Map.of(), Map.of(ID, 30), false, switched, null), switched + 29_999))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(blueGreen.canaryBound(deploymentWith(Map.of(), Map.of(ID, 30), false, switched, null), switched + 30_000))
                .isEqualTo(-1);
    }

    @Test
    void blueGreen_opensTrafficOnlyWhenInstancesNewTasksRunHealthy() {
        TaskRecord a = running(V2);
        TaskRecord b = running(V2);
        TaskRecord old = running(V1);
        RunningDeployment closed = deploymentWith(Map.of(), Map.of(ID, 30), false, null, null);

        assertThat(decide(closed, List.of(old, a), idsOf(old, a), NOW, 2)).as("one new task").isEqualTo(new Wait());
        assertThat(decide(closed, List.of(old, a, b), idsOf(old, a), NOW, 2)).as("one unhealthy").isEqualTo(new Wait());
        assertThat(decide(closed, List.of(old, a, b.withKillRequested()), idsOf(old, a, b), NOW, 2)).as("one being killed")
                .isEqualTo(new Wait());
        assertThat(decide(closed, List.of(old, a, b), idsOf(old, a, b), NOW, 2)).isEqualTo(new OpenTraffic(new Wait()));
    }

    @Test
    void blueGreen_switchesTheOldVersionsOut_onlyAfterTheSettleTime() {
        TaskRecord a = running(V2);
        TaskRecord b = running(V2);
        TaskRecord old = running(V1);
        TaskRecord older = running(V1.minusSeconds(60));
        long opened = NOW.toEpochMilli();
        RunningDeployment open = deploymentWith(Map.of(), Map.of(ID, 30), false, null, opened);
        List<TaskRecord> tasks = List.of(old, older, a, b);

        assertThat(decide(open, tasks, idsOf(a, b), Instant.ofEpochMilli(opened + SETTLE - 1), 2)).isEqualTo(new Wait());
        assertThat(decide(open, tasks, idsOf(a, b), Instant.ofEpochMilli(opened + SETTLE), 2)).isEqualTo(new SwitchTraffic(
                Set.of(V1.toString(), V1.minusSeconds(60).toString()), 2, 30, new Wait()));
    }

    @Test
    void blueGreen_holdsTheOldSetUntilKeepOldSeconds_thenRolls() {
        TaskRecord a = running(V2);
        TaskRecord old = running(V1);
        long switched = NOW.toEpochMilli();
        RunningDeployment switchedOver = deploymentWith(Map.of(), Map.of(ID, 30), false, switched, switched - SETTLE);

        assertThat(decide(switchedOver, List.of(old, a), idsOf(old, a), Instant.ofEpochMilli(switched + 29_999), 1))
                .isEqualTo(new HoldOldSet());
        assertThat(decide(switchedOver, List.of(a), idsOf(a), Instant.ofEpochMilli(switched + 29_999), 1))
                .as("held even when only the new set is left").isEqualTo(new HoldOldSet());
        assertThat(decide(switchedOver, List.of(old, a), idsOf(old, a), Instant.ofEpochMilli(switched + 30_000), 1))
                .as("the old set is stopping").isEqualTo(new Wait());
        assertThat(decide(switchedOver, List.of(a), idsOf(a), Instant.ofEpochMilli(switched + 30_000), 1)).isEqualTo(new Done(TO_V2));
    }

    @Test
    void blueGreen_aChangeNotStoredYet_opensNothing_theTasksOfTheDefinitionItReplacesAreNotItsNewSet() {
        TaskRecord a = running(V1);
        TaskRecord b = running(V1);
        RunningDeployment closed = deploymentWith(Map.of(), Map.of(ID, 30), false, null, null);

        assertThat(DeploymentGate.decide(closed, ID, spec(V1, 2), List.of(a, b), idsOf(a, b), NOW))
                .isEqualTo(new Activate(TO_V2, new Wait()));
    }

    @Test
    void blueGreen_beforeTheSwitch_autoRevertsPastTheDeadline_afterOpeningWhatIsReady() {
        Instant deadline = NOW.plusSeconds(300);
        TaskRecord a = running(V2);
        TaskRecord b = running(V2);
        TaskRecord sick = running(V2);
        RunningDeployment closed = new RunningDeployment(plan(TO_V2, Map.of(), deadline.toEpochMilli(), Map.of(ID, 30), null),
                1, false, null, null);
        Revert revert = new Revert(DeploymentGate.AUTO_REVERTED);

        assertThat(decide(closed, List.of(a, sick), idsOf(a), deadline.minusMillis(1), 2)).isEqualTo(new Wait());
        assertThat(decide(closed, List.of(a, sick), idsOf(a), deadline, 2)).isEqualTo(revert);
        assertThat(decide(closed, List.of(a, b, sick), idsOf(a, b), deadline, 2)).as("two of three healthy: ready")
                .isEqualTo(new OpenTraffic(revert));
    }

    private static StepDecision decide(RunningDeployment deployment, List<TaskRecord> tasks, Set<String> healthy, Instant now,
                                       int instances) {
        return DeploymentGate.decide(deployment, ID, spec(V2, instances), tasks, healthy, now);
    }

    private static RunningDeployment deploymentWith(Map<String, Integer> canaries, Map<String, Integer> blueGreen, boolean promoted,
                                             Long switchedAt, Long openedAt) {
        return new RunningDeployment(plan(TO_V2, canaries, 0, blueGreen, null), 1, promoted, switchedAt, openedAt);
    }
}
