package dev.pacer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.task.TaskState;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerSchedulerMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerSchedulerMetrics metrics = new MicrometerSchedulerMetrics(registry);

    @Test
    void taskStarted_recordsTheLaunchLatency() {
        metrics.taskStarted(Duration.ofMillis(1500));
        metrics.taskStarted(Duration.ofMillis(500));

        Timer latency = registry.get("pacer.scheduler.task.launch.latency").timer();
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2000.0);
    }

    @Test
    void taskState_countsByLowerCaseStateWithoutThePrefix() {
        metrics.taskState(TaskState.TASK_FAILED);

        assertThat(registry.get("pacer.scheduler.task.transitions").tag("state", "failed").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("pacer.scheduler.task.transitions").tag("state", "killed").counter().count()).isZero();
    }

    @Test
    void statusGroupRecreated_countsWithoutTags() {
        metrics.statusGroupRecreated();

        assertThat(registry.get("pacer.scheduler.status.group.recreated").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("pacer.scheduler.status.group.recreated").counter().getId().getTags()).isEmpty();
    }
}
