package dev.pacer.scheduler.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnhealthyTasksTest {

    private static final List<HealthCheck> CHECKS =
            List.of(new HealthCheck("HTTP", "/", 0, null, null, 0, 1, 1, 3, 0, false, "IPv4"));

    private static List<TaskRecord> running(int n) {
        return IntStream.range(0, n).mapToObj(i -> TaskRecord.staged(TaskId.newTask(AppId.parse("/a")), "agent", "h", "v",
                List.of(1), Instant.EPOCH).withState(TaskState.TASK_RUNNING, Instant.EPOCH, "", null)).toList();
    }

    private static HealthResult failing(TaskRecord t, int failures) {
        return new HealthResult(t.taskId(), t.taskId(), 0, "v", false, failures, null, null, "now", "HTTP 500");
    }

    private static HealthResult alive(TaskRecord t) {
        return new HealthResult(t.taskId(), t.taskId(), 0, "v", true, 0, "now", "now", null, null);
    }

    @Test
    void aTaskFailingMaxConsecutiveFailures_isToBeKilled_whenFewAreUnhealthy() {
        List<TaskRecord> tasks = running(4);
        Map<String, List<HealthResult>> results = new HashMap<>();
        results.put(tasks.get(0).taskId(), List.of(failing(tasks.get(0), 3)));
        results.put(tasks.get(1).taskId(), List.of(failing(tasks.get(1), 2)));
        results.put(tasks.get(2).taskId(), List.of(alive(tasks.get(2))));

        UnhealthyTasks u = UnhealthyTasks.of(CHECKS, tasks, results, 0.5, 2);

        assertThat(u.exceeded()).containsExactly(tasks.get(0));
        assertThat(u.unhealthy()).isEqualTo(2);
        assertThat(u.braked()).isFalse();
    }

    @Test
    void moreThanTheShareUnhealthyAtOnce_brakesTheApp() {
        List<TaskRecord> tasks = running(4);
        Map<String, List<HealthResult>> results = new HashMap<>();
        tasks.forEach(t -> results.put(t.taskId(), List.of(failing(t, 5))));

        UnhealthyTasks u = UnhealthyTasks.of(CHECKS, tasks, results, 0.5, 2);

        assertThat(u.exceeded()).hasSize(4);
        assertThat(u.braked()).isTrue();
    }

    @Test
    void aSingleInstanceApp_isNotBraked_belowTheMinimum() {
        List<TaskRecord> tasks = running(1);
        UnhealthyTasks u = UnhealthyTasks.of(CHECKS, tasks, Map.of(tasks.get(0).taskId(), List.of(failing(tasks.get(0), 3))), 0.5, 2);
        assertThat(u.braked()).isFalse();
        assertThat(u.exceeded()).hasSize(1);
    }

    @Test
    void maxConsecutiveFailuresZero_neverKills() {
        List<TaskRecord> tasks = running(1);
        List<HealthCheck> never = List.of(new HealthCheck("HTTP", "/", 0, null, null, 0, 1, 1, 0, 0, false, "IPv4"));
        assertThat(UnhealthyTasks.of(never, tasks, Map.of(tasks.get(0).taskId(), List.of(failing(tasks.get(0), 99))), 0.5, 2)
                .exceeded()).isEmpty();
    }
}
