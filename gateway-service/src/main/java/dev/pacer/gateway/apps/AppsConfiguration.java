package dev.pacer.gateway.apps;

import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.boot.tls.PacerTls;
import dev.pacer.gateway.metrics.GatewayMetrics;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
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
                                              PubSub pubSub, JsonMapper json, PacerTls tls) {
        List<String> urls = properties.eurekaUrls().isEmpty()
                ? Arrays.stream(env.getProperty("eureka.client.service-url.defaultZone", "http://localhost:8761/eureka/")
                        .split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()
                : properties.eurekaUrls();
        return new AppInstanceRefresher(view, new EurekaAppReader(urls, properties.requestTimeout(), json, tls),
                pubSub, properties.resyncInterval());
    }

    /** Which hosts are app traffic: one instance, read by the route predicate, its filter and security. */
    @Bean
    AppHosts appHosts(AppsProperties properties) {
        return new AppHosts(properties.domain());
    }

    /** The filters of the app-traffic routes. */
    public static AppTrafficFilterFactory filters(AppInstanceView view, AppHosts hosts, GatewayMetrics metrics) {
        return new AppTrafficFilterFactory(view, hosts, metrics);
    }

    /** Builds the app-traffic filters for the route configuration. */
    public record AppTrafficFilterFactory(AppInstanceView view, AppHosts hosts, GatewayMetrics metrics) {

        public GatewayFilter byPath() {
            return new AppTrafficFilter(view, AppTrafficFilter.Mode.PATH, hosts, metrics);
        }

        public GatewayFilter byHost() {
            return new AppTrafficFilter(view, AppTrafficFilter.Mode.HOST, hosts, metrics);
        }
    }
}
