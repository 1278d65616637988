package dev.pacer.gateway.apps;

import dev.pacer.boot.tls.PacerTls;
import dev.pacer.gateway.metrics.GatewayMetrics;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AppsProperties.class)
public class AppsConfiguration {

    @Bean
    AppInstanceView appInstanceView() {
        return new AppInstanceView();
    }

    @Bean
    AppInstanceRefresher appInstanceRefresher(AppInstanceView view, AppsProperties properties, Environment env,
                                              ReactiveRedisConnectionFactory redis, JsonMapper json,
                                              PacerTls tls) {
        List<String> urls = properties.eurekaUrls().isEmpty()
                ? Arrays.stream(env.getProperty("eureka.client.service-url.defaultZone", "http://localhost:8761/eureka/")
                        .split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()
                : properties.eurekaUrls();
        return new AppInstanceRefresher(view, new EurekaAppReader(urls, properties.requestTimeout(), json, tls),
                redis, json, properties.resyncInterval());
    }

    /** The filter of the path route ({@code /apps/{app id}/**}). */
    public static AppTrafficFilterFactory filters(AppInstanceView view, AppsProperties properties, GatewayMetrics metrics) {
        return new AppTrafficFilterFactory(view, properties, metrics);
    }

    /** Builds the app-traffic filters for the route configuration. */
    public record AppTrafficFilterFactory(AppInstanceView view, AppsProperties properties, GatewayMetrics metrics) {

        public org.springframework.cloud.gateway.filter.GatewayFilter byPath() {
            return new AppTrafficFilter(view, AppTrafficFilter.Mode.PATH, null, metrics);
        }

        public org.springframework.cloud.gateway.filter.GatewayFilter byHost() {
            return new AppTrafficFilter(view, AppTrafficFilter.Mode.HOST, properties.domain(), metrics);
        }

        /** Whether a host header is app traffic (host mode on and the host under the domain). */
        public boolean isAppHost(String hostHeader) {
            return properties.domain() != null && !properties.domain().isBlank()
                    && new AppTrafficFilter(view, AppTrafficFilter.Mode.HOST, properties.domain(), metrics).hostAppId(hostHeader) != null;
        }
    }
}
