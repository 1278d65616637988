package dev.pacer.agent.health;

import dev.pacer.boot.health.ScheduledCheck;
import dev.pacer.contract.marathon.app.HealthCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One agent-side check of one task: when it fires and how it counts ({@link ScheduledCheck}, Marathon's
 * defaults filled in), plus what {@link AgentProbe} needs to run it beside the task — the check itself,
 * the task's port, sandbox and environment, and what a {@code COMMAND} is prefixed with ({@code beside}:
 * the task's cgroups and user, or {@code docker exec <task>}).
 */
record AgentCheck(String appId, String taskId, String instanceId, int checkIndex, String version, String protocol,
                  Duration interval, Duration timeout, Duration delay, int gracePeriodSeconds,
                  int maxConsecutiveFailures, Instant startedAt, HealthCheck check, Integer port, Path sandbox,
                  Map<String, String> env, List<String> beside) implements ScheduledCheck {
}
