package dev.pacer.agent.metrics;

import dev.pacer.contract.task.TaskState;
import java.util.function.Supplier;

/** What operators watch on an agent: launches, terminal states, tasks running now. */
public interface AgentMetrics {

    void taskLaunched();

    /** A task reached a terminal state ({@code TASK_FINISHED}, {@code TASK_FAILED}, {@code TASK_KILLED}). */
    void taskFinished(TaskState state);

    /** Where the running-tasks gauge reads its value. */
    void runningTasks(Supplier<Number> running);

    AgentMetrics NONE = new AgentMetrics() {
        @Override
        public void taskLaunched() {
        }

        @Override
        public void taskFinished(TaskState state) {
        }

        @Override
        public void runningTasks(Supplier<Number> running) {
        }
    };
}
