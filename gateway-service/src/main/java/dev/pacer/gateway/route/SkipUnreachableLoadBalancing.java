package dev.pacer.gateway.route;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * The load balancer's instance list for every {@code lb://} service: Eureka's (through Spring Cloud's
 * cache, as by default) without the instances {@link UnreachableInstances} ejected. Registered as
 * the default configuration of every load-balancer child context; deliberately not a
 * {@code @Configuration}, so that component scanning leaves it out of the application context.
 */
class SkipUnreachableLoadBalancing {

    @Bean
    ServiceInstanceListSupplier skipUnreachableInstanceListSupplier(ConfigurableApplicationContext context) {
        UnreachableInstances unreachable = context.getBean(UnreachableInstances.class);
        return ServiceInstanceListSupplier.builder().withDiscoveryClient().withCaching()
                .with((ctx, cached) -> new Reachable(cached, unreachable))
                .build(context);
    }

    private static final class Reachable extends DelegatingServiceInstanceListSupplier {

        private final UnreachableInstances unreachable;

        Reachable(ServiceInstanceListSupplier delegate, UnreachableInstances unreachable) {
            super(delegate);
            this.unreachable = unreachable;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return delegate.get().map(unreachable::reachable);
        }
    }
}
