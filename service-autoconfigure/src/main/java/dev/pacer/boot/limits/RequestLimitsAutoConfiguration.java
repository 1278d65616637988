package dev.pacer.boot.limits;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request limits ({@link RequestLimitsProperties}, {@code pacer.limits.*}) on every Pacer service: the
 * body filter of its web stack (servlet or reactive) and Boot's {@link JsonMapper} reading within the
 * JSON limits and without scalar coercion.
 *
 * <p>Jackson 3 fixes a mapper's stream limits in its {@code JsonFactory}, which a
 * {@link JsonMapperBuilderCustomizer} cannot replace; so the {@code JsonMapper.Builder} Boot builds its
 * mapper from is defined here, on a factory with the limits, and every customizer (Boot's
 * {@code spring.jackson.*} one included) is applied to it as Boot would. The strict scalar reading is a
 * customizer of its own.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(RequestLimitsProperties.class)
public class RequestLimitsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JsonMapperBuilderCustomizer.class)
    static class Json {

        @Bean
        @Scope("prototype")
        @ConditionalOnMissingBean
        JsonMapper.Builder jsonMapperBuilder(RequestLimitsProperties limits,
                                             ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
            JsonMapper.Builder builder = JsonMapper.builder(JsonLimits.factory(limits));
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
            return builder;
        }

        @Bean
        JsonMapperBuilderCustomizer pacerStrictScalars() {
            return JsonLimits::strictScalars;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.filter.OncePerRequestFilter")
    static class Servlet {

        @Bean
        FilterRegistrationBean<ServletRequestLimitFilter> pacerRequestLimitFilter(RequestLimitsProperties limits,
                                                                                  JsonMapper json) {
            FilterRegistrationBean<ServletRequestLimitFilter> registration =
                    new FilterRegistrationBean<>(new ServletRequestLimitFilter(limits, json, Clock.systemUTC()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {

        @Bean
        ReactiveRequestLimitFilter pacerRequestLimitFilter(RequestLimitsProperties limits) {
            return new ReactiveRequestLimitFilter(limits, Clock.systemUTC());
        }
    }
}
