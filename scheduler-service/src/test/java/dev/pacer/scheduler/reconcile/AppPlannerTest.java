package dev.pacer.scheduler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.deploy.DeploymentHook;
import dev.pacer.scheduler.health.HealthKillProperties;
import dev.pacer.scheduler.support.PassScenario;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The specification of a reconcile pass, read first: what the pure planner decides, pass by pass, for the stories an
 * operator tells (rolling upgrades, canaries, failing health checks, lost kills, backoff, deletion).
 */
class AppPlannerTest {

    private static final String WEB = "{\"id\":\"/web\",\"cmd\":\"serve v1\",\"instances\":4,"
            + "\"upgradeStrategy\":{\"minimumHealthCapacity\":0.5,\"maximumOverCapacity\":0}}";
    private static final String WEB_V2 = WEB.replace("serve v1", "serve v2");
    private static final String CHECKED = "{\"id\":\"/web\",\"cmd\":\"serve\",\"instances\":4,"
            + "\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/health\",\"maxConsecutiveFailures\":3}]}";

    private final PassScenario scenario = new PassScenario();

    @Test
    void rollingUpgrade_withMinimumHealthHalf_replacesHalfAtATime_andWaitsForTheNewOnesToBeHealthy() {
        String v1 = scenario.given().app(WEB).running(4).when().pass().then().launched(0).killed(0).version();

        String v2 = scenario.when().deployed(WEB_V2).pass()
                .then().killedOf(v1, 2).launched(2).running(v1, 2).healthyAtLeast(2).version();

        scenario.pass().then().killed(0).launched(0).running(v1, 2).running(v2, 2); // new ones still staging

        scenario.when().newTasksHealthy(2).pass()
                .then().killedOf(v1, 2).launched(2).running(v1, 0).running(v2, 4).healthyAtLeast(2);

        scenario.when().newTasksHealthy(2).pass().then().killed(0).launched(0).running(v2, 4).healthyAtLeast(4);
    }

    @Test
    void canary_runsOnlyThatManyNewTasks_besideEveryOldOne() {
        String v1 = scenario.given().app(WEB).running(4).when().pass().then().version();

        scenario.when().deployed(WEB_V2).heldAtCanary(1).pass().then().launched(1).killed(0).running(v1, 4);
        scenario.when().newTasksHealthy(1).pass().then().launched(0).killed(0).running(v1, 4);
    }

    @Test
    void failingHealthChecks_replaceTheTask_butNotWhenHalfTheAppFailsAtOnce() {
        scenario.given().app(CHECKED).running(4)
                .when().failing(1, 2).pass().then().healthKilled(0, false); // below maxConsecutiveFailures
        scenario.when().failing(1, 3).pass().then().healthKilled(1, false).and().pass().then().launched(1);

        PassScenario braked = new PassScenario();
        braked.given().app(CHECKED).running(4).when().failing(3, 5).pass().then().healthKilled(3, true).running(
                braked.then().version(), 4);
    }

    @Test
    void aKillWithoutAnswer_isAskedAgainAfterTenSeconds() {
        scenario.given().app(WEB).running(4).when().killAskedThenSilentFor(Duration.ofSeconds(5)).pass()
                .then().killRetried(0).launched(1); // the killed task no longer counts: its replacement starts
        scenario.when().silentFor(Duration.ofSeconds(4)).pass().then().killRetried(0);
        scenario.when().silentFor(Duration.ofSeconds(2)).pass().then().killRetried(1);
    }

    @Test
    void backoff_holdsTheLaunches_andIsReadOnlyWhenThereIsSomethingToLaunch() {
        scenario.given().app(WEB).running(4).when().backingOff(Duration.ofSeconds(30)).pass().then().backoffRead(0);
        scenario.when().deployed(WEB_V2).backingOff(Duration.ofSeconds(30)).pass()
                .then().launched(0).delayedAtLeast(Duration.ofSeconds(29)).backoffRead(1);
        scenario.when().silentFor(Duration.ofSeconds(31)).pass().then().launched(2).backoffRead(2);
    }

    @Test
    void aDeletedApp_killsEveryTask_andIsForgottenOnceNothingIsLeft() {
        AppId app = AppId.parse("/gone");
        Instant now = Instant.parse("2026-01-01T00:10:00Z");
        TaskRecord running = TaskRecord.staged(TaskId.newTask(app), "a", "h", "v1", List.of(), now.minusSeconds(60))
                .withState(TaskState.TASK_RUNNING, now.minusSeconds(50), "", null);
        TaskRecord finished = running.withState(TaskState.TASK_KILLED, now, "", null);
        AppPlanner planner = new AppPlanner(
                new ReconcileProperties(4, Duration.ofSeconds(60), 50, 50, Duration.ofSeconds(5), Duration.ofMinutes(5), 10),
                new HealthKillProperties(0.5, 0.5, 2, Duration.ofSeconds(60), 5, 50, Duration.ofSeconds(10), Duration.ofSeconds(5)));

        Plan stopping = planner.plan(observation(app, now, List.of(running)));
        assertThat(stopping.deleted()).isTrue();
        assertThat(stopping.diff().kills()).containsExactly(running);
        assertThat(stopping.leavesNothing(List.of(running))).isFalse();

        Plan stopped = planner.plan(observation(app, now, List.of(finished)));
        assertThat(stopped.diff().expunge()).containsExactly(finished);
        assertThat(stopped.leavesNothing(List.of(finished))).isTrue();
        assertThat(stopped.launch().count()).isZero();
    }

    private static Observation observation(AppId app, Instant now, List<TaskRecord> tasks) {
        return new Observation(app, now, Optional.empty(), tasks, Map.of(), Set.of(), DeploymentHook.Held.NONE, () -> {
            throw new AssertionError("a deleted app launches nothing: its backoff is never read");
        });
    }
}
