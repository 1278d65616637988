package dev.pacer.gateway.proxy;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.resources.ConnectionProvider;

/**
 * The HTTP client every route proxies with: Spring Cloud Gateway's own, configured as usual under
 * {@code spring.cloud.gateway.server.webflux.httpclient.*}, except that its pooled connections are kept
 * per event loop ({@link LoopLocalConnectionProvider}). {@code pacer.gateway.proxy.pool-per-loop=false}
 * falls back to the gateway's single shared pool.
 */
@Configuration(proxyBeanMethods = false)
class ProxyClientConfiguration {

    @Bean
    @ConditionalOnProperty(name = "pacer.gateway.proxy.pool-per-loop", matchIfMissing = true)
    HttpClientFactory gatewayHttpClientFactory(HttpClientProperties properties, ServerProperties server,
                                               List<HttpClientCustomizer> customizers, HttpClientSslConfigurer ssl) {
        return new HttpClientFactory(properties, server, ssl, customizers) {
            @Override
            protected ConnectionProvider buildConnectionProvider(HttpClientProperties props) {
                if (props.getPool().getType() == HttpClientProperties.Pool.PoolType.DISABLED) {
                    return super.buildConnectionProvider(props);
                }
                return new LoopLocalConnectionProvider(() -> super.buildConnectionProvider(props));
            }
        };
    }
}
