package dev.pacer.agent.node;

import dev.pacer.agent.AgentProperties;
import dev.pacer.agent.TaskRuntimeProperties;
import dev.pacer.agent.isolation.IsolationLevel;
import dev.pacer.agent.isolation.IsolationSupport;
import dev.pacer.agent.task.DockerRuntime;
import dev.pacer.boot.lifecycle.LifecyclePhases;
import dev.pacer.contract.agent.Capabilities;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class NodeConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static PortRangeConverter portRangeConverter() {
        return new PortRangeConverter();
    }

    /**
     * A simulated agent says so in its attributes ({@code pacer.runtime=simulated}), for the scheduler and operators;
     * every agent says what it isolates ({@code isolation=cgroups|none}), for placement constraints; an agent whose
     * Docker engine answered advertises {@code docker=<engine version>} (placement requires it of Docker apps).
     */
    @Bean
    AgentNode agentNode(AgentProperties properties, TaskRuntimeProperties runtime, IsolationSupport isolation,
                        Environment env, DockerRuntime docker) {
        AgentNode node = NodeResolver.resolve(properties, HostFacts.of(env));
        if (runtime.isSimulated()) {
            return node.withAttribute(TaskRuntimeProperties.ATTRIBUTE, "simulated")
                    .withAttribute(IsolationLevel.ATTRIBUTE, IsolationLevel.NONE.attributeValue());
        }
        node = node.withAttribute(IsolationLevel.ATTRIBUTE, isolation.level().attributeValue());
        return docker.availability().available()
                ? node.withAttribute(Capabilities.DOCKER, docker.availability().version()) : node;
    }

    @Bean
    NodeRegistration nodeRegistration(StringRedisTemplate redis, JsonMapper json, Clock clock, AgentNode node) {
        return new NodeRegistration(redis, json, clock, node);
    }

    /** Registers once the web server listens (the API port is known then); stops heartbeating first on shutdown. */
    @Bean
    SmartLifecycle nodeRegistrationLifecycle(NodeRegistration registration, AgentProperties properties, Environment env) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                int port = env.getProperty("local.server.port", Integer.class,
                        env.getProperty("server.port", Integer.class, 8080));
                registration.start(port, properties.heartbeatInterval());
            }

            @Override
            public void stop() {
                registration.stop();
            }

            @Override
            public boolean isRunning() {
                return registration.isRunning();
            }

            @Override
            public int getPhase() {
                return LifecyclePhases.MEMBERSHIP;
            }
        };
    }
}
