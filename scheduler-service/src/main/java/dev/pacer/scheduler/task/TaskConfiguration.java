package dev.pacer.scheduler.task;

import dev.pacer.contract.agent.AgentState;
import dev.pacer.scheduler.SchedulerMetrics;
import dev.pacer.scheduler.agent.AgentClient;
import dev.pacer.scheduler.agent.AgentDirectory;
import dev.pacer.scheduler.agent.AgentProperties;
import dev.pacer.scheduler.definition.spec.AppSpecs;
import dev.pacer.scheduler.events.EventLog;
import dev.pacer.scheduler.placement.claim.AgentClaims;
import dev.pacer.scheduler.queue.BackoffStore;
import dev.pacer.scheduler.shard.ShardLeases;
import dev.pacer.scheduler.task.status.AgentMonitor;
import dev.pacer.scheduler.task.status.DeployingApps;
import dev.pacer.scheduler.task.status.LastTaskFailures;
import dev.pacer.scheduler.task.status.TaskLifecycle;
import dev.pacer.scheduler.task.status.TaskStatusApplier;
import dev.pacer.scheduler.task.status.TaskStatusEvents;
import dev.pacer.scheduler.task.status.TaskTimings;
import dev.pacer.scheduler.task.status.TaskTransitions;
import dev.pacer.scheduler.task.store.RedisTaskStore;
import dev.pacer.scheduler.task.store.TaskStore;
import dev.pacer.scheduler.work.AppHints;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/**
 * Task records and what follows a task's change of state: the store, status updates from agents, the
 * transitions (lifecycle, last failures, events) and the watch over lost agents.
 */
@Configuration(proxyBeanMethods = false)
class TaskConfiguration {

    @Bean
    TaskStore taskStore(StringRedisTemplate redis, JsonMapper json) {
        return new RedisTaskStore(redis, json, RedisScript.of(new ClassPathResource("scripts/compare-and-set.lua"), Long.class));
    }

    @Bean
    LastTaskFailures lastTaskFailures(StringRedisTemplate redis, JsonMapper json, Clock clock) {
        return new LastTaskFailures(redis, json, clock);
    }

    /** What follows a task's change of state: counted, {@link TaskLifecycle}, the app's last failure kept, the events written. */
    @Bean
    @Primary
    TaskTransitions taskTransitions(AgentClaims claims, BackoffStore backoffs, AppSpecs specs, AppHints hints,
                                    AgentDirectory directory, AgentClient agents, SchedulerMetrics metrics, Clock clock,
                                    LastTaskFailures failures, EventLog events, DeployingApps deploying) {
        TaskTransitions lifecycle = TaskTransitions.both(new TaskTimings(metrics, clock, deploying),
                new TaskLifecycle(claims, backoffs, specs, hints, directory, agents, clock));
        return TaskTransitions.both(TaskTransitions.both(lifecycle, failures), new TaskStatusEvents(events));
    }

    @Bean
    TaskStatusApplier taskStatusApplier(TaskStore tasks, TaskTransitions transitions) {
        return new TaskStatusApplier(tasks, transitions);
    }

    @Bean
    AgentMonitor agentMonitor(StringRedisTemplate redis, TaskStore tasks, TaskTransitions transitions, ShardLeases leases,
                              AgentProperties properties, Clock clock, MeterRegistry registry) {
        AgentMonitor monitor = new AgentMonitor(redis, tasks, transitions, leases::owns, properties.agentLostAfter(), clock);
        for (AgentState state : AgentState.values()) {
            Gauge.builder("pacer.scheduler.agents", monitor, m -> m.agentsIn(state))
                    .description("Agents watched by this instance, by state (sum over instances for the cluster)")
                    .tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        return monitor;
    }
}
