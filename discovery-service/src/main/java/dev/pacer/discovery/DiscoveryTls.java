package dev.pacer.discovery;

import com.netflix.eureka.cluster.PeerEurekaNodes;
import dev.pacer.boot.tls.CallerRules;
import dev.pacer.boot.tls.Identities;
import dev.pacer.boot.tls.PacerTls;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Eureka with mutual TLS. Every process of the cluster registers and fetches ({@code /eureka/**}: any
 * identity the CA issued); the dashboard is the operator's. Peer replication (Eureka's own Jersey
 * client, which takes no SSL context from Spring) uses the JVM's default context: with TLS on, that
 * becomes this service's context, so that peers present their certificate to each other.
 */
@Configuration(proxyBeanMethods = false)
class DiscoveryTls {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryTls.class);
    static final String SYSTEM_SSL = "com.netflix.eureka.shouldSSLConnectionsUseSystemSocketFactory";

    @Bean
    CallerRules discoveryCallerRules() {
        return CallerRules.builder()
                .allow("/eureka/**", Identities.ANY)
                .build();
    }

    /** Set when the peer nodes bean is created: its clients are built when the server context starts it. */
    @Bean
    static BeanPostProcessor peerReplicationTls(ObjectProvider<PacerTls> tls) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof PeerEurekaNodes) {
                    tls.getObject().sslContext().ifPresent(context -> {
                        SSLContext.setDefault(context);
                        System.setProperty(SYSTEM_SSL, "true");
                        log.info("Eureka peer replication presents this server's certificate");
                    });
                }
                return bean;
            }
        };
    }
}
