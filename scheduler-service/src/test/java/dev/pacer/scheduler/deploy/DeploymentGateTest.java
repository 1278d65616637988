package dev.pacer.scheduler.deploy;

import static dev.pacer.scheduler.deploy.GateFixtures.APP;
import static dev.pacer.scheduler.deploy.GateFixtures.NOW;
import static dev.pacer.scheduler.deploy.GateFixtures.TO_V2;
import static dev.pacer.scheduler.deploy.GateFixtures.V1;
import static dev.pacer.scheduler.deploy.GateFixtures.V2;
import static dev.pacer.scheduler.deploy.GateFixtures.deployment;
import static dev.pacer.scheduler.deploy.GateFixtures.idsOf;
import static dev.pacer.scheduler.deploy.GateFixtures.plan;
import static dev.pacer.scheduler.deploy.GateFixtures.running;
import static dev.pacer.scheduler.deploy.GateFixtures.spec;
import static dev.pacer.scheduler.deploy.GateFixtures.staging;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.deploy.StepDecision.Activate;
import dev.pacer.scheduler.deploy.StepDecision.Done;
import dev.pacer.scheduler.deploy.StepDecision.GiveUp;
import dev.pacer.scheduler.deploy.StepDecision.Idle;
import dev.pacer.scheduler.deploy.StepDecision.Revert;
import dev.pacer.scheduler.deploy.StepDecision.Wait;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules every strategy shares, decided purely: the app's turn, activation, done, given up, auto-revert. */
class DeploymentGateTest {

    private static final Instant DEADLINE = NOW.plusSeconds(300);

    @Test
    void done_whenExactlyTheInstancesRunHealthyInTheTargetVersion() {
        TaskRecord a = running(V2);
        TaskRecord b = running(V2);

        assertThat(decide(TO_V2, spec(V2, 2), List.of(a, b), idsOf(a, b), NOW)).isEqualTo(new Done(TO_V2));
        assertThat(decide(TO_V2, spec(V2, 2), List.of(a, b), idsOf(a), NOW)).as("one unhealthy").isEqualTo(new Wait());
        assertThat(decide(TO_V2, spec(V2, 2), List.of(a, b, running(V1)), idsOf(a, b), NOW)).as("an old task left")
                .isEqualTo(new Wait());
        assertThat(decide(TO_V2, spec(V2, 3), List.of(a, b), idsOf(a, b), NOW)).as("one missing").isEqualTo(new Wait());
        assertThat(decide(TO_V2, spec(V2, 2), List.of(a, b.withKillRequested()), idsOf(a, b), NOW)).as("one being killed")
                .isEqualTo(new Wait());
        TaskRecord c = staging(V2);
        assertThat(decide(TO_V2, spec(V2, 2), List.of(a, c), idsOf(a, c), NOW)).as("one not running yet").isEqualTo(new Wait());
    }

    @Test
    void aChangeThatWasNeverStored_isActivatedFirst_andGivenUpAfterTheGrace_soItsLocksDoNotStayForever() {
        assertThat(decide(TO_V2, spec(V1, 1), List.of(running(V1)), Set.of(), NOW.plusSeconds(5)))
                .isEqualTo(new Activate(TO_V2, new Wait()));
        assertThat(decide(TO_V2, spec(V1, 1), List.of(running(V1)), Set.of(), NOW.plus(DeploymentGate.UNSTORED_GRACE).plusSeconds(1)))
                .isEqualTo(new Activate(TO_V2, new GiveUp(TO_V2)));
    }

    @Test
    void aNewAppWhoseVersionWasNeverStored_isCreated_andGivenUpAfterTheGrace() {
        DeploymentAction create = new DeploymentAction(DeploymentAction.Type.StartApplication, APP.toString(), V2.toString(), null);

        assertThat(decide(create, Optional.empty(), List.of(), Set.of(), NOW.plusSeconds(5)))
                .isEqualTo(new Activate(create, new Wait()));
        assertThat(decide(create, Optional.empty(), List.of(), Set.of(), NOW.plus(DeploymentGate.UNSTORED_GRACE).plusSeconds(1)))
                .isEqualTo(new Activate(create, new Done(create)));
    }

    @Test
    void aSupersededOrDeletedApp_isDone_andAStopIsDoneWhenNoTaskIsLeft() {
        Instant v3 = V2.plusSeconds(60);
        assertThat(decide(TO_V2, spec(v3, 1), List.of(running(V1)), Set.of(), NOW)).as("superseded").isEqualTo(new Done(TO_V2));
        assertThat(decide(TO_V2, Optional.empty(), List.of(running(V1)), Set.of(), NOW)).as("deleted").isEqualTo(new Done(TO_V2));
        DeploymentAction stop = new DeploymentAction(DeploymentAction.Type.StopApplication, APP.toString(), null, V1.toString());
        assertThat(decide(stop, Optional.empty(), List.of(running(V1)), Set.of(), NOW)).isEqualTo(new Wait());
        assertThat(decide(stop, Optional.empty(), List.of(), Set.of(), NOW)).isEqualTo(new Done(stop));
    }

    @Test
    void aStopOfAnAppStillStoredAtItsOldVersion_deletesIt_andOneRecreatedSince_isNotOurs() {
        DeploymentAction stop = new DeploymentAction(DeploymentAction.Type.StopApplication, APP.toString(), null, V1.toString());

        assertThat(decide(stop, spec(V1, 1), List.of(running(V1)), Set.of(), NOW)).isEqualTo(new Activate(stop, new Wait()));
        assertThat(decide(stop, spec(V2, 1), List.of(running(V2)), Set.of(), NOW)).isEqualTo(new Done(stop));
    }

    @Test
    void anAppOfAnotherStep_isIdle_andHasNoTarget() {
        DeploymentAction first = new DeploymentAction(DeploymentAction.Type.RestartApplication, "/p/db", V2.toString(), V1.toString());
        DeploymentPlan plan = new DeploymentPlan("d-2", V2.toString(), NOW.toEpochMilli(), List.of(List.of(first), List.of(TO_V2)),
                null, Map.of(), 0, Map.of());
        RunningDeployment atFirst = new RunningDeployment(plan, 1, false, null, null);
        RunningDeployment atSecond = new RunningDeployment(plan, 2, false, null, null);

        assertThat(DeploymentGate.decide(atFirst, APP.toString(), spec(V1, 1), List.of(), Set.of(), NOW)).isEqualTo(new Idle());
        assertThat(DeploymentGate.targetOf(atFirst, APP.toString())).isNull();
        assertThat(DeploymentGate.targetOf(atSecond, APP.toString())).isEqualTo(V2.toString());
        assertThat(DeploymentGate.decide(atSecond, APP.toString(), spec(V1, 1), List.of(), Set.of(), NOW))
                .as("its turn: the later step's version is made current").isEqualTo(new Activate(TO_V2, new Wait()));
    }

    @Test
    void aDeletionHasNoTarget() {
        DeploymentAction stop = new DeploymentAction(DeploymentAction.Type.StopApplication, APP.toString(), null, V1.toString());

        assertThat(DeploymentGate.targetOf(deployment(stop), APP.toString())).isNull();
    }

    @Test
    void autoRevert_onlyAfterTheDeadline_whenTheNewTasksAreNotAllHealthy_orNoneRuns() {
        RunningDeployment reverting = new RunningDeployment(plan(TO_V2, Map.of(), DEADLINE.toEpochMilli(), Map.of(), null),
                1, false, null, null);
        TaskRecord healthy = running(V2);
        TaskRecord sick = running(V2);
        List<TaskRecord> tasks = List.of(healthy, sick);

        assertThat(decide(reverting, spec(V2, 2), tasks, idsOf(healthy), DEADLINE.minusMillis(1))).as("before").isEqualTo(new Wait());
        assertThat(decide(reverting, spec(V2, 2), tasks, idsOf(healthy), DEADLINE))
                .isEqualTo(new Revert(DeploymentGate.AUTO_REVERTED));
        assertThat(decide(reverting, spec(V2, 2), List.of(running(V1)), Set.of(), DEADLINE)).as("no new task")
                .isEqualTo(new Revert(DeploymentGate.AUTO_REVERTED));
        assertThat(decide(reverting, spec(V2, 2), List.of(healthy, sick, running(V1)), idsOf(healthy, sick), DEADLINE))
                .as("all new ones healthy, an old one still stopping").isEqualTo(new Wait());
        assertThat(decide(reverting, spec(V2, 2), tasks, idsOf(healthy, sick), DEADLINE)).as("done wins").isEqualTo(new Done(TO_V2));
        assertThat(DeploymentGate.AUTO_REVERTED).as("names the outcome").startsWith("auto-reverted");
    }

    @Test
    void autoRevert_neverForARollback_norWhenOff() {
        RunningDeployment rollback = new RunningDeployment(plan(TO_V2, Map.of(), DEADLINE.toEpochMilli(), Map.of(), "d-0"),
                1, false, null, null);
        TaskRecord sick = running(V2);

        assertThat(decide(rollback, spec(V2, 1), List.of(sick), Set.of(), DEADLINE.plusSeconds(3600))).isEqualTo(new Wait());
        assertThat(decide(TO_V2, spec(V2, 1), List.of(sick), Set.of(), DEADLINE.plusSeconds(3600))).isEqualTo(new Wait());
    }

    private static StepDecision decide(DeploymentAction action, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy,
                                       Instant now) {
        return decide(deployment(action), spec, tasks, healthy, now);
    }

    private static StepDecision decide(RunningDeployment deployment, Optional<AppSpec> spec, List<TaskRecord> tasks,
                                       Set<String> healthy, Instant now) {
        return DeploymentGate.decide(deployment, APP.toString(), spec, tasks, healthy, now);
    }
}
