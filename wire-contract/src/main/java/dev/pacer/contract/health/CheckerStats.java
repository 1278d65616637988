package dev.pacer.contract.health;

/**
 * What one health-service instance checks, published every few seconds in {@link HealthKeys#CHECKER_STATS}.
 *
 * @param checks    checks this instance owns now (its shard)
 * @param unhealthy of those, checks whose current result is not alive
 * @param at        epoch milliseconds when the figures were taken
 */
public record CheckerStats(int checks, int unhealthy, long at) {
}
