package dev.pacer.scheduler;

import dev.pacer.contract.task.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** {@link SchedulerMetrics} on Micrometer: counters updated as things happen, never a scan per scrape. */
public class MicrometerSchedulerMetrics implements SchedulerMetrics {

    private final Map<TaskState, Counter> states = new EnumMap<>(TaskState.class);
    private final Counter launched;
    private final Timer passes;
    private final Timer launchLatency;
    private final Timer acceptedToRunning;
    private final Counter groupRecreated;

    public MicrometerSchedulerMetrics(MeterRegistry registry) {
        for (TaskState state : TaskState.values()) {
            states.put(state, Counter.builder("pacer.scheduler.task.transitions")
                    .description("Tasks reaching a state (finished, failed, killed, unreachable = lost, ...)")
                    .tag("state", state.name().substring("TASK_".length()).toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        launched = Counter.builder("pacer.scheduler.tasks.launched").description("Tasks handed to agents").register(registry);
        passes = Timer.builder("pacer.scheduler.reconcile.pass").description("Duration of one app's reconcile pass")
                .register(registry);
        launchLatency = Timer.builder("pacer.scheduler.task.launch.latency")
                .description("From a task's staging (placed, handed to its agent) to RUNNING")
                .publishPercentileHistogram().register(registry);
        acceptedToRunning = Timer.builder("pacer.scheduler.launch.latency")
                .description("From the API call that created a deployment's need (its app version) to the task's RUNNING")
                .publishPercentileHistogram().register(registry);
        groupRecreated = Counter.builder("pacer.scheduler.status.group.recreated")
                .description("Times this instance re-created the status stream's consumer group after Redis lost it")
                .register(registry);
    }

    @Override
    public void taskState(TaskState state) {
        states.get(state).increment();
    }

    @Override
    public void taskLaunched() {
        launched.increment();
    }

    @Override
    public void taskStarted(Duration took) {
        launchLatency.record(took);
    }

    @Override
    public void launchLatency(Duration took) {
        acceptedToRunning.record(took);
    }

    @Override
    public void reconcilePass(Duration took) {
        passes.record(took);
    }

    @Override
    public void statusGroupRecreated() {
        groupRecreated.increment();
    }
}
