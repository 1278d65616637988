package dev.pacer.scheduler.task.store;

import dev.pacer.contract.ids.AppId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Task records, indexed by app and by agent; reading an app's tasks touches only that app's records.
 * {@link RedisTaskStore} is the production adapter; {@code TaskStoreContract} states the behaviour.
 */
public interface TaskStore {

    /**
     * Changes one task record atomically against concurrent writers (the status consumer and the
     * app's reconciler both write task records): read, apply {@code change}, write only if nobody
     * wrote meanwhile, else retry ({@code change} may run more than once, so it must be pure).
     * A change returning the same record writes nothing.
     *
     * @return the record as written, or empty when the task has no record
     */
    Optional<TaskRecord> update(AppId app, String taskId, UnaryOperator<TaskRecord> change);

    /** Writes the record (replacing one with its id) and indexes it under its app and its agent. */
    void save(TaskRecord task);

    Optional<TaskRecord> find(AppId app, String taskId);

    /** Every task record of one app (active and not yet expunged terminal ones), in no particular order. */
    List<TaskRecord> ofApp(AppId app);

    /** Task records of many apps, keyed in the order given (an app without tasks maps to an empty list). */
    Map<AppId, List<TaskRecord>> ofApps(List<AppId> apps);

    /** Ids of the tasks placed on an agent. */
    Set<String> idsOnAgent(String agentId);

    /** Forgets a task: its record, both index entries and its health results. */
    void delete(TaskRecord task);
}
