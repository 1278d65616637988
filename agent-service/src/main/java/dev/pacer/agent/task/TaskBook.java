package dev.pacer.agent.task;

import dev.pacer.agent.metrics.AgentMetrics;
import dev.pacer.agent.node.AgentNode;
import dev.pacer.agent.status.StatusReporter;
import dev.pacer.contract.task.AgentTask;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tasks of this agent, and the one place a transition is made durable: {@link #publish} writes the
 * task's checkpoint first, then reports its status (so that a status the scheduler saw is always
 * one the agent can recover).
 */
final class TaskBook {

    private static final Logger log = LoggerFactory.getLogger(TaskBook.class);

    private final Map<String, ManagedTask> tasks = new ConcurrentHashMap<>();
    private final AgentNode node;
    private final CheckpointStore checkpoints;
    private final StatusReporter status;
    private final AgentMetrics metrics;
    private final Clock clock;
    private final List<TaskListener> listeners = new CopyOnWriteArrayList<>();

    TaskBook(AgentNode node, CheckpointStore checkpoints, StatusReporter status, AgentMetrics metrics, Clock clock) {
        this.node = node;
        this.checkpoints = checkpoints;
        this.status = status;
        this.metrics = metrics;
        this.clock = clock;
        metrics.runningTasks(() -> tasks.values().stream().filter(ManagedTask::running).count());
    }

    Instant now() {
        return clock.instant();
    }

    AgentNode node() {
        return node;
    }

    CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** Adds {@code task} unless one with its id is known; answers the one already known, else null. */
    ManagedTask addIfAbsent(ManagedTask task) {
        return tasks.putIfAbsent(task.id(), task);
    }

    Optional<ManagedTask> find(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    Collection<ManagedTask> all() {
        return List.copyOf(tasks.values());
    }

    /**
     * Checkpoints the task's current state and reports it; a checkpoint that cannot be written is logged.
     * Holds the task's lock throughout, so that two threads publishing one task (a kill and its exit)
     * cannot write or report its states out of order.
     */
    void publish(ManagedTask task) {
        synchronized (task) {
            try {
                checkpoints.save(task.checkpoint());
            } catch (RuntimeException e) {
                log.error("Task {} is {} but its checkpoint could not be written; a restart would lose it",
                        task.id(), task.state(), e);
            }
            status.report(task.status(node.id().value(), node.host(), clock.instant()));
        }
        if (!listeners.isEmpty()) {
            AgentTask snapshot = task.snapshot();
            for (TaskListener listener : listeners) {
                try {
                    listener.changed(task.request(), snapshot);
                } catch (RuntimeException e) {
                    log.warn("Task listener failed for {}: {}", task.id(), e.toString());
                }
            }
        }
    }

    void addListener(TaskListener listener) {
        listeners.add(listener);
    }

    /** Publishes a task that just reached its terminal state, and counts it. */
    void publishFinished(ManagedTask task) {
        publish(task);
        metrics.taskFinished(task.state());
    }

    void launched() {
        metrics.taskLaunched();
    }

    /** Drops a task for good: record, checkpoint and sandbox. */
    void forget(ManagedTask task) {
        tasks.remove(task.id(), task);
        checkpoints.delete(task.id());
        task.sandbox().delete();
        log.info("Task {} expunged with its sandbox", task.id());
    }
}
