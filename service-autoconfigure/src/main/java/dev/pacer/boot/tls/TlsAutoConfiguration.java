package dev.pacer.boot.tls;

import com.netflix.discovery.AbstractDiscoveryClientOptionalArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PacerTls} for every service (from the SSL bundle {@value TlsEnvironment#BUNDLE} when
 * {@code pacer.tls.*} is set), the caller checks on servlet services, the Eureka client's transport,
 * and a WARN at start-up when the service's internal port is plaintext.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@EnableConfigurationProperties(TlsProperties.class)
public class TlsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TlsAutoConfiguration.class);

    @Bean
    PacerTls pacerTls(TlsProperties properties, ObjectProvider<SslBundles> bundles) {
        if (!properties.configured()) {
            return PacerTls.off();
        }
        try {
            return PacerTls.of(bundles.getObject().getBundle(TlsEnvironment.BUNDLE).createSslContext());
        } catch (NoSuchSslBundleException e) {
            throw new IllegalStateException("pacer.tls.* is set but the SSL bundle '" + TlsEnvironment.BUNDLE + "' was not "
                    + "defined from it: set pacer.tls.* where Spring Boot reads it before start-up (environment, command line, "
                    + "config files), not in a property source added later", e);
        }
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> tlsStartupReport(TlsProperties properties) {
        return event -> {
            if (!properties.configured() && properties.server()) {
                String address = event.getApplicationContext().getEnvironment().getProperty("server.address", "every interface");
                log.warn("No mutual TLS (pacer.tls.ca/certificate/private-key unset): this service's port is plaintext and "
                        + "unauthenticated, and listens on {}", address);
            } else if (!properties.configured()) {
                log.warn("No mutual TLS (pacer.tls.ca/certificate/private-key unset): calls to internal services are plaintext "
                        + "and present no certificate");
            } else {
                log.info("Mutual TLS on: certificate {}, CA {}", properties.certificate(), properties.ca());
            }
        };
    }

    /** Who may call what, checked on every request of a servlet service once TLS is on. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.Filter")
    static class ServletCallers {

        @Bean
        FilterRegistrationBean<CallerFilter> pacerCallerFilter(TlsProperties properties, ObjectProvider<CallerRules> rules,
                                                               ObjectProvider<JsonMapper> json) {
            FilterRegistrationBean<CallerFilter> registration = new FilterRegistrationBean<>(
                    new CallerFilter(new CallerPolicy(rules.orderedStream().toList()), json.getIfAvailable(JsonMapper::new)));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            registration.setEnabled(properties.configured() && properties.server());
            return registration;
        }
    }

    /**
     * Spring Cloud's Eureka client (registration and fetch) presents this service's certificate and
     * trusts the cluster's CA: its optional arguments carry the SSL context its transport is built with.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.netflix.discovery.AbstractDiscoveryClientOptionalArgs")
    static class EurekaClientTls {

        @Bean
        static BeanPostProcessor pacerEurekaClientTls(ObjectProvider<PacerTls> tls) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof AbstractDiscoveryClientOptionalArgs<?> args) {
                        tls.getObject().sslContext().ifPresent(args::setSSLContext);
                    }
                    return bean;
                }
            };
        }
    }
}
