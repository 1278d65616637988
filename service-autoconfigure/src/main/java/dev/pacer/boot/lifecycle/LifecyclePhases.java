package dev.pacer.boot.lifecycle;

import org.springframework.context.SmartLifecycle;

/**
 * The {@link SmartLifecycle#getPhase() phases} of every Pacer {@code SmartLifecycle}, in one place, so that the
 * order in which a service comes up and goes down reads top to bottom here instead of being spread over magic
 * numbers. Spring starts the lowest phase first and stops the highest first: each phase below starts after the
 * ones above it and stops before them.
 *
 * <p>Around them, from Spring Boot and Spring Data Redis (not ours to choose, listed for orientation): the web
 * server starts listening at {@code DEFAULT_PHASE - 2048} and its graceful shutdown runs at
 * {@code DEFAULT_PHASE - 1024}; anything without a phase, and Redis' {@code RedisMessageListenerContainer}, is
 * {@link SmartLifecycle#DEFAULT_PHASE} (last up, first down), so pub/sub messages flow once everything below
 * has started.
 */
public final class LifecyclePhases {

    /**
     * The probe port ({@code pacer.probes.port}): up before anything else (before the web server) and down
     * last, so that {@code /livez} and {@code /readyz} answer for the whole life of the process.
     */
    public static final int PROBES = Integer.MIN_VALUE + 1000;

    /**
     * The agent's Eureka task registrar (its ticks and its wake-ups on health transitions and traffic
     * changes): before {@link #TASK_RECOVERY}, so that the tasks recovery re-attaches are registered again.
     */
    public static final int TASK_REGISTRAR = SmartLifecycle.DEFAULT_PHASE - 8192;

    /**
     * The agent's task recovery (checkpointed tasks re-attached) and its sweeps: before the web server takes
     * requests, so that a repeated launch finds its task.
     */
    public static final int TASK_RECOVERY = SmartLifecycle.DEFAULT_PHASE - 4096;

    /**
     * The instance announces itself: cluster membership joins, the agent registers its node. After the web
     * server listens (its port, part of the instance's address, is known then); on shutdown it leaves (stops
     * heartbeating) before the web server stops, so that peers stop sending work first.
     */
    public static final int MEMBERSHIP = SmartLifecycle.DEFAULT_PHASE - 512;

    /**
     * The scheduler's shard leases: after {@link #MEMBERSHIP} (they are held under the instance id) and
     * released before the instance leaves.
     */
    public static final int SHARD_LEASES = SmartLifecycle.DEFAULT_PHASE - 256;

    /**
     * Work done for a shard: the scheduler's reconcile loops (after {@link #SHARD_LEASES}, which say what they
     * own) and health-service's sharded checker (after {@link #MEMBERSHIP}, which its shard is computed from).
     * Stopped first, before the leases and the membership they depend on.
     */
    public static final int SHARDED_WORK = SmartLifecycle.DEFAULT_PHASE - 128;

    private LifecyclePhases() {
    }
}
