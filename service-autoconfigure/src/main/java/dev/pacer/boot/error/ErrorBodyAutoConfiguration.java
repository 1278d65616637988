package dev.pacer.boot.error;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/**
 * Installs the JSON error body in every Pacer service, servlet or reactive, ahead of Boot's own
 * error handling so that no Whitelabel or HTML page is ever produced.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration"})
public class ErrorBodyAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    static class Servlet {

        @Bean
        MvcErrorAdvice pacerMvcErrorAdvice() {
            return new MvcErrorAdvice();
        }

        @Bean
        JsonErrorController pacerJsonErrorController() {
            return new JsonErrorController();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {

        /** Ahead of Boot's DefaultErrorWebExceptionHandler (-1) and WebFlux's own handlers (0). */
        @Bean
        @Order(-2)
        WebFluxErrorHandler pacerWebFluxErrorHandler(JsonMapper json) {
            return new WebFluxErrorHandler(json);
        }
    }
}
