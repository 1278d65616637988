package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.support.LaunchScenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskLauncher} on in-memory agents, claims and tasks: placement, the atomic claim, the staging record
 * and the agent's answer. No Spring, no Redis; {@code AppsApiIT} and {@code DockerPlacementIT} launch on fake
 * agents over HTTP with Redis.
 */
class TaskLauncherTest {

    private static final String WEB = "{\"id\":\"/web\",\"cmd\":\"x\",\"cpus\":1,\"mem\":256,\"instances\":4}";

    private final LaunchScenario scenario = new LaunchScenario();

    @Test
    void tasks_spreadOverZones_eachStagedWithItsClaimedPorts() {
        scenario.given().agent("a1", "a", 4, 4096).agent("b1", "b", 4, 4096).app(WEB)
                .when().launching(4)
                .then().launched(4)
                .tasksIn(TaskState.TASK_STAGING, 4)
                .perZone(Map.of("a", 2, "b", 2))
                .agentRuns("a1", 2).agentRuns("b1", 2)
                .counted("pacer.scheduler.tasks.launched", 4);
    }

    @Test
    void whatDoesNotFit_waits_withTheReasons() {
        scenario.given().agent("a1", "a", 2, 4096).agent("b1", "b", 0.5, 4096).app(WEB)
                .when().launching(4)
                .then().launched(2)
                .agentRuns("a1", 2)
                .declined(Map.of("insufficient_cpus", 2));
    }

    @Test
    void noAgent_meansNoLaunch_andSaysSo() {
        scenario.given().app(WEB)
                .when().launching(2)
                .then().launched(0)
                .declined(Map.of("no_agents", 0));
    }

    @Test
    void aDrainingAgent_getsNothingNew() {
        scenario.given().agent("a1", "a", 4, 4096).agent("b1", "b", 4, 4096).draining("b1").app(WEB)
                .when().launching(2)
                .then().launched(2)
                .agentRuns("a1", 2).agentRuns("b1", 0);
    }

    @Test
    void anAgentThatRefusesTheLaunch_failsTheTaskWithItsReason() {
        scenario.given().agent("a1", "a", 4, 4096).refusingLaunches("a1", "image not allowed").app(WEB)
                .when().launching(1)
                .then().launched(0)
                .tasksIn(TaskState.TASK_FAILED, 1)
                .failedWith("launch refused by agent a1 (HTTP 422): image not allowed");
    }

    @Test
    void anUnreachableAgent_failsTheTask_asAgentUnreachable() {
        scenario.given().agent("a1", "a", 4, 4096).unreachable("a1").app(WEB)
                .when().launching(1)
                .then().launched(0)
                .failedWith("launch failed: agent unreachable")
                .claimsOn("a1", 1);
    }

    @Test
    void theNextPass_placesBesideTheTasksAlreadyRunning() {
        scenario.given().agent("a1", "a", 4, 4096).agent("b1", "b", 4, 4096).app(WEB)
                .when().launching(1)
                .then().launched(1)
                .when().launching(1)
                .then().launched(1)
                .perZone(Map.of("a", 1, "b", 1));
    }

    @Test
    void requirePorts_putsOneTaskPerAgent_onExactlyThatPort() {
        scenario.given().agent("a1", "a", 4, 4096).agent("b1", "b", 4, 4096)
                .app("{\"id\":\"/edge\",\"cmd\":\"x\",\"cpus\":0.1,\"mem\":32,\"requirePorts\":true,"
                        + "\"portDefinitions\":[{\"port\":10003}]}")
                .when().launching(3)
                .then().launched(2)
                .agentRuns("a1", 1).agentRuns("b1", 1)
                .declined(Map.of("insufficient_ports", 2));
    }
}
