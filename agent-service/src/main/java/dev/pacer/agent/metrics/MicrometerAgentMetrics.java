package dev.pacer.agent.metrics;

import dev.pacer.contract.task.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/** {@link AgentMetrics} as Micrometer meters; tags are task states only (never a task or app id). */
public final class MicrometerAgentMetrics implements AgentMetrics {

    private final MeterRegistry registry;
    private final Counter launched;

    public MicrometerAgentMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.launched = Counter.builder("pacer.agent.tasks.launched")
                .description("Tasks this agent started a process for").register(registry);
    }

    @Override
    public void taskLaunched() {
        launched.increment();
    }

    @Override
    public void taskFinished(TaskState state) {
        Counter.builder("pacer.agent.tasks.finished")
                .description("Tasks that reached a terminal state on this agent")
                .tag("state", state.name())
                .register(registry)
                .increment();
    }

    @Override
    public void runningTasks(Supplier<Number> running) {
        Gauge.builder("pacer.agent.tasks.running", running)
                .description("Tasks whose process runs on this agent now").register(registry);
    }
}
