package dev.pacer.boot.probes;

import java.net.InetSocketAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The probe port ({@link ProbesProperties}) when {@code pacer.probes.port} is set. */
@AutoConfiguration(afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration")
@ConditionalOnClass(HealthEndpoint.class)
@ConditionalOnProperty(prefix = ProbesProperties.PREFIX, name = "port")
@EnableConfigurationProperties(ProbesProperties.class)
public class ProbesAutoConfiguration {

    @Bean
    ProbeServer pacerProbeServer(ProbesProperties properties, Environment environment, ObjectProvider<HealthEndpoint> health) {
        String host = properties.address() != null ? properties.address() : environment.getProperty("server.address");
        InetSocketAddress address = host != null ? new InetSocketAddress(host, properties.port()) : new InetSocketAddress(properties.port());
        return new ProbeServer(address, group -> {
            HealthEndpoint endpoint = health.getIfAvailable();
            HealthDescriptor descriptor = endpoint == null ? null : endpoint.healthForPath(group);
            return descriptor == null ? null : descriptor.getStatus().getCode();
        });
    }
}
