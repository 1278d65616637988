package dev.pacer.scheduler.health;

import dev.pacer.contract.health.CheckerStats;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deliberate health kills. A running task whose check failed {@code maxConsecutiveFailures} times in a
 * row (the planner's {@link UnhealthyTasks}) is killed (and so replaced), unless:
 * <ol>
 *   <li>the cluster is braked: more than {@code clusterMaxUnhealthyShare} of all checks reported by
 *       the live health-service instances are failing (a network blip, an overloaded checker);</li>
 *   <li>the app is braked: more than {@code maxUnhealthyShare} of its running tasks (and at least
 *       {@code minUnhealthyForBrake}) are unhealthy at once;</li>
 *   <li>the app's or the cluster's kill rate for the current window is used up.</li>
 * </ol>
 * Held kills are counted, logged once when a brake engages and once when it releases, and retried
 * after {@code retryAfter}: the kills resume by themselves once the share drops.
 */
class HealthKillPolicy implements HealthKills {

    private static final Logger log = LoggerFactory.getLogger(HealthKillPolicy.class);
    private static final Duration CLUSTER_CACHE = Duration.ofSeconds(1);

    private final TaskHealthStore store;
    private final KillRateLimiter limiter;
    private final HealthKillMetrics metrics;
    private final HealthKillProperties properties;
    private final Clock clock;
    private volatile Instant clusterReadAt = Instant.EPOCH;
    private volatile boolean clusterBraked;

    public HealthKillPolicy(TaskHealthStore store, KillRateLimiter limiter, HealthKillMetrics metrics,
                            HealthKillProperties properties, Clock clock) {
        this.store = store;
        this.limiter = limiter;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Decision admit(AppSpec spec, UnhealthyTasks unhealthy, List<TaskRecord> observed,
                          Map<String, List<HealthResult>> results) {
        Set<String> live = observed.stream().map(TaskRecord::taskId).collect(Collectors.toSet());
        store.retainOnly(spec.id(), live, results);
        String app = spec.id().toString();
        if (metrics.appBrake(app, unhealthy.braked())) {
            if (unhealthy.braked()) {
                log.warn("Health kills of {} paused: {} of {} running tasks unhealthy at once ({}% > {}%); "
                                + "they resume when the share drops", app, unhealthy.unhealthy(), unhealthy.running(),
                        Math.round(unhealthy.share() * 100), Math.round(properties.maxUnhealthyShare() * 100));
            } else {
                log.info("Health kills of {} resumed: {} of {} running tasks unhealthy", app, unhealthy.unhealthy(),
                        unhealthy.running());
            }
        }
        if (unhealthy.exceeded().isEmpty()) {
            return Decision.NONE;
        }
        Optional<Duration> again = Optional.of(properties.retryAfter());
        if (clusterBraked()) {
            metrics.kills("held_cluster_share", unhealthy.exceeded().size());
            return new Decision(List.of(), again);
        }
        if (unhealthy.braked()) {
            metrics.kills("held_app_share", unhealthy.exceeded().size());
            return new Decision(List.of(), again);
        }
        List<TaskRecord> kills = new ArrayList<>();
        for (TaskRecord task : unhealthy.exceeded()) {
            KillRateLimiter.Verdict verdict = limiter.take(spec.id());
            if (verdict != KillRateLimiter.Verdict.GRANTED) {
                int held = unhealthy.exceeded().size() - kills.size();
                metrics.kills(verdict == KillRateLimiter.Verdict.APP_LIMIT ? "held_app_rate" : "held_cluster_rate", held);
                log.info("Health kills of {} held back by the {} rate limit: {} waiting", app,
                        verdict == KillRateLimiter.Verdict.APP_LIMIT ? "app's" : "cluster's", held);
                break;
            }
            log.info("Killing {} of {}: failed its health check {} times in a row", task.taskId(), app,
                    results.get(task.taskId()).stream().mapToInt(HealthResult::consecutiveFailures).max().orElse(0));
            kills.add(task);
        }
        metrics.kills("killed", kills.size());
        return new Decision(kills, kills.size() < unhealthy.exceeded().size() ? again : Optional.empty());
    }

    /** Cluster-wide share of failing checks over the fresh figures of the health-service instances (cached 1 s). */
    boolean clusterBraked() {
        Instant now = clock.instant();
        if (now.isBefore(clusterReadAt.plus(CLUSTER_CACHE))) {
            return clusterBraked;
        }
        long freshAfter = now.minus(properties.checkerStatsMaxAge()).toEpochMilli();
        int checks = 0;
        int failing = 0;
        for (CheckerStats stats : store.checkerStats()) {
            if (stats.at() >= freshAfter) {
                checks += stats.checks();
                failing += stats.unhealthy();
            }
        }
        boolean braked = failing >= Math.max(1, properties.minUnhealthyForBrake())
                && failing > properties.clusterMaxUnhealthyShare() * checks;
        if (metrics.clusterBrake(braked)) {
            if (braked) {
                log.warn("Every health kill paused: {} of {} checks in the cluster failing at once ({}% > {}%); "
                        + "they resume when the share drops", failing, checks, Math.round(100.0 * failing / checks),
                        Math.round(properties.clusterMaxUnhealthyShare() * 100));
            } else {
                log.info("Health kills resumed cluster-wide: {} of {} checks failing", failing, checks);
            }
        }
        clusterBraked = braked;
        clusterReadAt = now;
        return braked;
    }
}
