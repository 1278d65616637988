package dev.pacer.agent.health;

import dev.pacer.agent.isolation.TaskIsolator;
import dev.pacer.agent.node.AgentNode;
import dev.pacer.agent.task.TaskRuntime;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.boot.work.WorkQueues;
import dev.pacer.contract.task.LaunchRequest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AgentHealthConfiguration {

    /** Four probe threads, 1000 probes queued at most. */
    @Bean(destroyMethod = "close")
    AgentHealthChecks agentHealthChecks(StringRedisTemplate redis, JsonMapper json, PubSub pubSub, Clock clock,
                                        AgentNode node, MeterRegistry registry, WorkQueues workQueues,
                                        ObjectProvider<TaskRuntime> runtime, TaskIsolator isolator) {
        AgentHealthChecks checks = new AgentHealthChecks(new AgentHealthWriter(redis, json, pubSub, registry), clock,
                node.host(), 4, 1000);
        // COMMAND checks run as their task runs: in its cgroups, as its user; a Docker task's inside its container
        // (docker exec: the container's files, user and environment, as Mesos ran them). The runtime is looked up
        // late: it reports to these checks.
        checks.besideTask(taskId -> runtime.getObject().launchRequest(taskId)
                .filter(LaunchRequest::runsContainer)
                .map(container -> List.of("docker", "exec", taskId)) // the container's name is its task id
                .orElseGet(() -> runtime.getObject().isolation(taskId).map(isolator::besideTask).orElse(List.of())));
        Gauge.builder("pacer.agent.health.tasks", checks, AgentHealthChecks::tasksChecked)
                .description("Tasks whose agent-side checks run now").register(registry);
        workQueues.register(checks.engine());
        return checks;
    }
}
