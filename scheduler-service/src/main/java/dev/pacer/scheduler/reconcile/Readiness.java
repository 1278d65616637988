package dev.pacer.scheduler.reconcile;

import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.List;
import java.util.Set;

/** Which of an app's tasks passed every readiness check ({@link ReadinessProbes} probes the others). */
@FunctionalInterface
public interface Readiness {

    /** Tasks that count as ready; an app without readiness checks has none to wait for. */
    Set<String> ready(AppSpec spec, List<TaskRecord> tasks);

    /** No readiness checks anywhere (an app without them never asks). */
    Readiness NONE = (spec, tasks) -> Set.of();
}
