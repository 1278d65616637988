package dev.pacer.agent.task;

import dev.pacer.agent.task.docker.DockerAvailability;
import dev.pacer.agent.task.docker.DockerCli;
import dev.pacer.agent.task.docker.DockerProperties;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DockerConfiguration {

    /** Asks for an engine once, at start-up: the answer decides the agent's {@code docker} attribute. */
    @Bean(destroyMethod = "close")
    DockerRuntime dockerRuntime(DockerProperties properties) {
        DockerCli cli = new DockerCli(properties.command(),
                Path.of(System.getProperty("java.io.tmpdir"), "pacer-docker-cli"));
        return new DockerRuntime(properties, cli, DockerAvailability.probe(properties, cli));
    }
}
