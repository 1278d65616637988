package dev.pacer.boot.work;

/**
 * A bounded work queue with a pool of workers, as its service's readiness sees it. Implemented by
 * every queue a Pacer service keeps (the scheduler's reconcile queue, the agent's status outbox, the
 * health checker's probes) and registered in {@link WorkQueues}.
 */
public interface BoundedWork {

    /** Low-cardinality name, used as the {@code queue} tag of the metrics. */
    String name();

    /** Items waiting for a worker now. */
    int queued();

    /** The most items the queue holds; beyond it, new work is dropped or refused (and counted). */
    int capacity();

    /** Workers (threads, or permits of concurrent asynchronous work). */
    int workers();

    /** Workers busy now. */
    int busy();

    default int freeWorkers() {
        return Math.max(0, workers() - busy());
    }

    /** Queued work exceeds free workers: the instance should take no more traffic until it drains. */
    default boolean saturated() {
        return queued() > freeWorkers();
    }
}
