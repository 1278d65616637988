package dev.pacer.scheduler.definition.ports;


/**
 * The cluster's used service ports: {@link ServicePorts} takes a free one for each {@code port: 0} and gives
 * back those no app uses any more. Two schedulers never get the same port. {@link RedisServicePortPool} is
 * the production adapter; {@code ServicePortPoolContract} states the behaviour.
 */
interface ServicePortPool {

    /**
     * Marks one free port of {@code [min, max]} used and returns it, searching upwards from
     * {@code min + offset} and wrapping round; -1 when every port of the range is used.
     */
    int take(int min, int max, int offset);

    /** Gives a port back (nothing happens when it was free). */
    void release(int port);
}
